//! The server's own secret, for keyed hashes of short secrets. A 6-digit authorization code,
//! a clinic PIN or an 8-character device code has too few values for a bare SHA-256: whoever
//! reads the database could try them all in a moment. Keyed with 256 random bits that never
//! leave the data directory, the stored hashes are useless without the key.
//!
//! Long random tokens (sessions, device keys) have full entropy and keep their plain SHA-256
//! (`session_token::digest`). The card QR's sealing keys are derived from it too
//! (`backend::services::card_qr_token`).

use std::io::Write;
use std::path::Path;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::rngs::OsRng;
use rand::RngCore;
use sha2::Sha256;

/// What a keyed hash is for: the same value hashed for two purposes gives two hashes.
#[derive(Debug, Clone, Copy)]
pub enum Purpose {
    SamKey,
    HpcPin,
    AuthorizationCode,
    DeviceCode,
    /// The key that seals one card QR token (derived per code from its serial).
    CardQrToken,
    /// The key that seals the id a holder asks about their code by.
    CardQrId,
    /// The 6-digit code a forgotten password's SMS carries.
    ResetCode,
}

impl Purpose {
    fn label(self) -> &'static [u8] {
        match self {
            Purpose::SamKey => b"sam-key",
            Purpose::HpcPin => b"hpc-pin",
            Purpose::AuthorizationCode => b"authorization-code",
            Purpose::DeviceCode => b"device-code",
            Purpose::CardQrToken => b"card-qr-token",
            Purpose::CardQrId => b"card-qr-id",
            Purpose::ResetCode => b"reset-code",
        }
    }
}

pub struct ServerKey([u8; 32]);

impl std::fmt::Debug for ServerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ServerKey(***)")
    }
}

/// The file in the data directory (readable by the backend's user only).
pub const FILE_NAME: &str = "server.key";

impl ServerKey {
    /// Reads the key from the data directory, making one on first start.
    pub fn load_or_create(dir: &Path) -> std::io::Result<Self> {
        let path = dir.join(FILE_NAME);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let bytes = STANDARD.decode(text.trim()).map_err(invalid)?;
                let key: [u8; 32] = bytes
                    .try_into()
                    .map_err(|_| invalid("the server key must be 32 bytes"))?;
                Ok(Self(key))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut key = [0u8; 32];
                OsRng.fill_bytes(&mut key);
                let mut file = crate::data_dir::create_private(&path)?;
                file.write_all(STANDARD.encode(key).as_bytes())?;
                file.sync_all()?;
                Ok(Self(key))
            }
            Err(e) => Err(e),
        }
    }

    /// A key for tests and tools that keep nothing.
    pub fn random() -> Self {
        let mut key = [0u8; 32];
        OsRng.fill_bytes(&mut key);
        Self(key)
    }

    /// HMAC-SHA256 of the value, for the purpose.
    pub fn keyed(&self, purpose: Purpose, value: &str) -> Vec<u8> {
        self.derive(purpose, value.as_bytes()).to_vec()
    }

    /// HMAC-SHA256 of bytes, for the purpose: also a key of its own (256 bits).
    pub fn derive(&self, purpose: Purpose, value: &[u8]) -> [u8; 32] {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("any key length works");
        mac.update(purpose.label());
        mac.update(&[0]);
        mac.update(value);
        mac.finalize().into_bytes().into()
    }
}

fn invalid(why: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, why.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyed_hashes_depend_on_key_and_purpose() {
        let dir = tempfile::tempdir().unwrap();
        let a = ServerKey::load_or_create(dir.path()).unwrap();
        let again = ServerKey::load_or_create(dir.path()).unwrap();
        assert_eq!(
            a.keyed(Purpose::HpcPin, "246810"),
            again.keyed(Purpose::HpcPin, "246810")
        );
        assert_ne!(
            a.keyed(Purpose::HpcPin, "246810"),
            a.keyed(Purpose::SamKey, "246810")
        );
        assert_ne!(
            a.keyed(Purpose::HpcPin, "246810"),
            ServerKey::random().keyed(Purpose::HpcPin, "246810")
        );
        assert_eq!(format!("{a:?}"), "ServerKey(***)");
    }
}
