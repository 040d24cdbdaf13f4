//! Quick sign-in (生物辨識輔助登入): after a password login, the device makes a P-256 key pair
//! in its secure hardware that signs only once the OS has verified the user (a fingerprint, a
//! face). The server keeps the public half for that ID and that device. Signing in, the app
//! asks the server for a challenge, the OS prompt unlocks the key, and the key signs the
//! message below; the server checks the signature against the key it holds.
//!
//! What is signed names its purpose, the challenge, the ID and the device, so a signature
//! made for one of them proves nothing for another: a challenge issued for enrolling cannot
//! sign anybody in, nor one issued for a family member's ID or another phone.

use chrono::Duration;
use serde::{Deserialize, Serialize};

/// A challenge (256 random bits, unpadded base64url on the wire) serves once, within this
/// time from its issue (the OS prompt is quick; a person who walks away asks again).
pub const CHALLENGE_LIFETIME: Duration = Duration::seconds(60);

/// An uncompressed SEC1 P-256 public key: `04 ‖ x ‖ y` (Android's Keystore, Apple's Secure
/// Enclave). Its signatures are DER-encoded ECDSA over SHA-256, at most 72 bytes.
pub const P256_PUBLIC_KEY_BYTES: usize = 65;

/// An RSA 2048 public key as a DER SubjectPublicKeyInfo: Windows Hello makes only RSA keys
/// (`KeyCredentialManager`); its signatures are RSASSA-PKCS1-v1_5 over SHA-256, 256 bytes.
pub const RSA_PUBLIC_KEY_BYTES: usize = 294;

/// The longest key a device may enrol.
pub const MAX_PUBLIC_KEY_BYTES: usize = RSA_PUBLIC_KEY_BYTES;

/// The longest signature (RSA 2048's).
pub const MAX_SIGNATURE_BYTES: usize = 256;

/// The most characters of a key's device name (shown in the list of keys).
pub const MAX_LABEL_CHARS: usize = 40;

/// What a challenge may be signed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Purpose {
    /// Proving, while signed in with the password, that the device holds the key it enrols.
    Enrol,
    /// Signing in without the password.
    SignIn,
    /// Confirming a sensitive action while signed in (see [`SensitiveAction`]).
    Action,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "enrol" => Some(Self::Enrol),
            "sign_in" => Some(Self::SignIn),
            "action" => Some(Self::Action),
            _ => None,
        }
    }
}

/// The bytes the device signs (with SHA-256, as ECDSA P-256 does) and the server checks.
pub fn signed_message(
    purpose: Purpose,
    challenge: &str,
    id_number: &str,
    device_id: &str,
) -> Vec<u8> {
    format!(
        "NHI Express quick sign-in v1\npurpose={}\nchallenge={challenge}\nid={id_number}\ndevice={device_id}",
        purpose.as_str()
    )
    .into_bytes()
}

/// What a stolen session token alone must not do: where quick sign-in is on, each of these
/// carries a fresh signature over exactly this action, made after the OS verified the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SensitiveAction {
    /// Authorizing another person to use one's card for a period (授權使用).
    Authorize {
        grantee_id: String,
        starts_on: chrono::NaiveDate,
        ends_on: chrono::NaiveDate,
    },
    /// Allowing a clinic's video visit request, which uses the card.
    AllowVideoVisit { request_id: String },
}

impl SensitiveAction {
    /// The action as it is signed: every detail that makes it this action.
    pub fn describe(&self) -> String {
        match self {
            Self::Authorize {
                grantee_id,
                starts_on,
                ends_on,
            } => format!("authorize grantee={grantee_id} from={starts_on} to={ends_on}"),
            Self::AllowVideoVisit { request_id } => {
                format!("allow-video-visit request={request_id}")
            }
        }
    }
}

/// The bytes signed to confirm `action` (the `action` purpose's message, with the action).
pub fn action_message(
    challenge: &str,
    id_number: &str,
    device_id: &str,
    action: &SensitiveAction,
) -> Vec<u8> {
    let mut message = signed_message(Purpose::Action, challenge, id_number, device_id);
    message.extend_from_slice(format!("\naction={}", action.describe()).as_bytes());
    message
}

/// The name under which a device keeps its key for an ID: one key per ID on a family phone.
pub fn key_alias(id_number: &str) -> String {
    format!("nhi-express.quick-sign-in.{id_number}")
}

/// A key's device name as it will be listed: trimmed, control characters out, cut to
/// [`MAX_LABEL_CHARS`]; a device that gives none is "this device" in the list.
pub fn clean_label(label: &str) -> String {
    label
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .chars()
        .take(MAX_LABEL_CHARS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_the_message_changes_it() {
        let base = signed_message(Purpose::SignIn, "c", "A123456789", "d");
        assert_ne!(base, signed_message(Purpose::Enrol, "c", "A123456789", "d"));
        assert_ne!(
            base,
            signed_message(Purpose::SignIn, "x", "A123456789", "d")
        );
        assert_ne!(
            base,
            signed_message(Purpose::SignIn, "c", "B123456789", "d")
        );
        assert_ne!(
            base,
            signed_message(Purpose::SignIn, "c", "A123456789", "e")
        );
    }

    #[test]
    fn purposes_round_trip_through_their_names() {
        for p in [Purpose::Enrol, Purpose::SignIn, Purpose::Action] {
            assert_eq!(Purpose::parse(p.as_str()), Some(p));
        }
        assert_eq!(Purpose::parse("sign-in"), None);
    }

    #[test]
    fn an_action_signature_names_every_detail_of_the_action() {
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        let grant = |to| SensitiveAction::Authorize {
            grantee_id: "A223456781".into(),
            starts_on: day(7),
            ends_on: day(to),
        };
        let base = action_message("c", "A123456789", "d", &grant(31));
        assert_ne!(base, action_message("c", "A123456789", "d", &grant(30)));
        let visit = SensitiveAction::AllowVideoVisit {
            request_id: "r1".into(),
        };
        assert_ne!(base, action_message("c", "A123456789", "d", &visit));
        assert!(base.starts_with(&signed_message(Purpose::Action, "c", "A123456789", "d")));
    }

    #[test]
    fn labels_are_cleaned_and_cut() {
        assert_eq!(clean_label("  Pixel 8\u{7}\n "), "Pixel 8");
        assert_eq!(
            clean_label(&"長".repeat(100)).chars().count(),
            MAX_LABEL_CHARS
        );
    }
}
