//! The card's one-time QR code, issued without writing anything.
//!
//! A code's token is its claims — a serial, the card application it shows, the
//! authorization a delegate shows it under, the moment it was issued — sealed with
//! ChaCha20-Poly1305 under a key derived from the server key and the serial (each key seals
//! one message, so random nonces can never repeat under a key). A token reveals nothing
//! about its holder (two codes of one person look unrelated), and one that was forged or
//! altered does not open. Only the clinic's verification writes: the row that marks the
//! serial used (`card_qr_uses`), whose primary key is the one-time guarantee.
//!
//! A serial is the second the code was issued followed by 8 random bytes: uses are then kept
//! in about the order they come, each new one at the end of the serial's index, where a
//! wholly random serial put each on a random page of an index that grows with every visit
//! (measured with the round-trip bench: the fourth level, after some 100,000 uses, ran a
//! fifth slower than on a fresh database). All a serial says in the clear is that second.
//!
//! The holder asks whether a code was used by its `qr_id`, a second sealing of the same
//! claims under another key: the id never doubles as the token.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use rand::RngCore;
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, CHACHA20_POLY1305};

use crate::crypto::server_key::{Purpose, ServerKey};
use crate::state::AppState;
use nhi_core::api::CardQr;
use nhi_core::domain::card_qr::{payload_for, QR_LIFETIME};

const SERIAL_LEN: usize = 12;
const CLAIMS_LEN: usize = 24;
const TAG_LEN: usize = 16;
const SEALED_LEN: usize = SERIAL_LEN + CLAIMS_LEN + TAG_LEN;
/// Base64 (URL-safe, unpadded) of a sealing: 70 characters.
const TEXT_LEN: usize = (SEALED_LEN * 4).div_ceil(3);

/// What a card QR stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrClaims {
    /// Random; names the code's use once it is used.
    pub serial: [u8; SERIAL_LEN],
    pub application_id: i64,
    /// The authorization a delegate's code was issued under.
    pub authorization_id: Option<i64>,
    pub issued_at: DateTime<Utc>,
}

impl QrClaims {
    pub fn expires_at(&self) -> DateTime<Utc> {
        self.issued_at + QR_LIFETIME
    }
}

/// Which of a code's two sealings: the token in the QR, or the id its holder asks by.
#[derive(Debug, Clone, Copy)]
pub enum Sealing {
    Token,
    Id,
}

impl Sealing {
    fn purpose(self) -> Purpose {
        match self {
            Sealing::Token => Purpose::CardQrToken,
            Sealing::Id => Purpose::CardQrId,
        }
    }
}

fn key_for(key: &ServerKey, sealing: Sealing, serial: &[u8]) -> LessSafeKey {
    let bytes = key.derive(sealing.purpose(), serial);
    LessSafeKey::new(UnboundKey::new(&CHACHA20_POLY1305, &bytes).expect("a 256-bit key"))
}

fn nonce(serial: &[u8]) -> Nonce {
    Nonce::try_assume_unique_for_key(serial).expect("a 96-bit serial")
}

pub fn seal(key: &ServerKey, sealing: Sealing, claims: &QrClaims) -> String {
    let mut sealed = Vec::with_capacity(SEALED_LEN);
    sealed.extend_from_slice(&claims.serial);
    let mut body = Vec::with_capacity(CLAIMS_LEN + TAG_LEN);
    body.extend_from_slice(&claims.application_id.to_be_bytes());
    body.extend_from_slice(&claims.authorization_id.unwrap_or(0).to_be_bytes());
    body.extend_from_slice(&claims.issued_at.timestamp_millis().to_be_bytes());
    key_for(key, sealing, &claims.serial)
        .seal_in_place_append_tag(nonce(&claims.serial), Aad::empty(), &mut body)
        .expect("sealing a short message cannot fail");
    sealed.extend_from_slice(&body);
    URL_SAFE_NO_PAD.encode(sealed)
}

/// The claims of a sealing made by this server for this use; `None` for anything else.
pub fn open(key: &ServerKey, sealing: Sealing, text: &str) -> Option<QrClaims> {
    // Cheap length check first: a flood of junk costs no key derivation.
    if text.len() != TEXT_LEN {
        return None;
    }
    let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
    let (serial, body) = bytes.split_at_checked(SERIAL_LEN)?;
    let mut body = body.to_vec();
    let plain = key_for(key, sealing, serial)
        .open_in_place(nonce(serial), Aad::empty(), &mut body)
        .ok()?;
    let field = |i: usize| i64::from_be_bytes(plain[i * 8..i * 8 + 8].try_into().expect("8 bytes"));
    Some(QrClaims {
        serial: serial.try_into().ok()?,
        application_id: field(0),
        authorization_id: Some(field(1)).filter(|&id| id != 0),
        issued_at: DateTime::from_timestamp_millis(field(2))?,
    })
}

/// A fresh code for the card application (shown by a delegate under `authorization_id`).
pub fn issue(state: &AppState, application_id: i64, authorization_id: Option<i64>) -> CardQr {
    let issued_at = state.clock.now();
    let mut serial = [0u8; SERIAL_LEN];
    let second = u32::try_from(issued_at.timestamp()).unwrap_or(u32::MAX);
    serial[..4].copy_from_slice(&second.to_be_bytes());
    rand::rngs::OsRng.fill_bytes(&mut serial[4..]);
    let claims = QrClaims {
        serial,
        application_id,
        authorization_id,
        issued_at,
    };
    CardQr {
        qr_id: seal(&state.key, Sealing::Id, &claims),
        payload: payload_for(&seal(&state.key, Sealing::Token, &claims)),
        expires_at: claims.expires_at(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims() -> QrClaims {
        QrClaims {
            serial: [7; SERIAL_LEN],
            application_id: 42,
            authorization_id: Some(9),
            issued_at: DateTime::from_timestamp_millis(1_795_000_000_123).unwrap(),
        }
    }

    #[test]
    fn a_sealed_code_opens_to_its_claims_for_its_use_only() {
        let key = ServerKey::random();
        let token = seal(&key, Sealing::Token, &claims());
        assert_eq!(open(&key, Sealing::Token, &token), Some(claims()));
        assert_eq!(open(&key, Sealing::Id, &token), None, "a token is no id");
        assert_eq!(open(&ServerKey::random(), Sealing::Token, &token), None);
        let own = QrClaims {
            authorization_id: None,
            ..claims()
        };
        let sealed = seal(&key, Sealing::Id, &own);
        assert_eq!(open(&key, Sealing::Id, &sealed), Some(own));
    }

    #[test]
    fn altered_or_truncated_codes_do_not_open() {
        let key = ServerKey::random();
        let token = seal(&key, Sealing::Token, &claims());
        for i in 0..token.len() {
            let mut altered = token.clone().into_bytes();
            altered[i] = if altered[i] == b'A' { b'B' } else { b'A' };
            let altered = String::from_utf8(altered).unwrap();
            assert_eq!(open(&key, Sealing::Token, &altered), None, "position {i}");
        }
        assert_eq!(open(&key, Sealing::Token, &token[1..]), None);
        assert_eq!(open(&key, Sealing::Token, ""), None);
        assert_eq!(open(&key, Sealing::Token, &"é".repeat(35)), None);
    }

    #[test]
    fn codes_of_one_card_share_nothing_visible() {
        let key = ServerKey::random();
        let a = seal(&key, Sealing::Token, &claims());
        let b = seal(
            &key,
            Sealing::Token,
            &QrClaims {
                serial: [8; SERIAL_LEN],
                ..claims()
            },
        );
        // Past the serial (16 characters), nothing in common position by position.
        let same = a[16..].chars().zip(b[16..].chars()).filter(|(x, y)| x == y);
        assert!(same.count() < 10, "{a} / {b}");
        assert!(nhi_core::domain::card_qr::token_from_payload(&payload_for(&a)).is_some());
    }
}
