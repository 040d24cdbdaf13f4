//! The device verification code (裝置認證碼) the registration website produces: 8 characters,
//! case-sensitive as shown, from an alphabet without look-alikes (no 0/O/o, 1/l/I). Its QR
//! carries a versioned payload so the app can tell it from any other QR code.

use std::fmt;

pub const LENGTH: usize = 8;
pub const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
/// The prefix of the QR payload, version 1.
pub const QR_PREFIX: &str = "NHIEXPRESS:DEVICE-CODE:1:";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeviceCodeError {
    #[error("a device verification code has {LENGTH} characters; this one has {0}")]
    WrongLength(usize),
    #[error("'{0}' never appears in a device verification code")]
    BadCharacter(char),
    #[error("this QR code is not a device verification code")]
    NotADeviceCodeQr,
}

#[derive(Clone, PartialEq, Eq)]
pub struct DeviceCode(String);

impl DeviceCode {
    /// A typed code: surrounding spaces are ignored, case is kept (it matters).
    pub fn parse(input: &str) -> Result<Self, DeviceCodeError> {
        let code = input.trim();
        let count = code.chars().count();
        if count != LENGTH {
            return Err(DeviceCodeError::WrongLength(count));
        }
        if let Some(bad) = code
            .chars()
            .find(|c| !c.is_ascii() || !ALPHABET.contains(&(*c as u8)))
        {
            return Err(DeviceCodeError::BadCharacter(bad));
        }
        Ok(Self(code.to_owned()))
    }

    /// The code inside a scanned QR payload.
    pub fn from_qr(payload: &str) -> Result<Self, DeviceCodeError> {
        payload
            .trim()
            .strip_prefix(QR_PREFIX)
            .ok_or(DeviceCodeError::NotADeviceCodeQr)
            .and_then(Self::parse)
    }

    /// A new code, uniformly drawn from the alphabet with the given generator (the backend
    /// passes the OS generator).
    pub fn generate<R: rand::Rng + ?Sized>(rng: &mut R) -> Self {
        let code = (0..LENGTH)
            .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
            .collect();
        Self(code)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn qr_payload(&self) -> String {
        format!("{QR_PREFIX}{}", self.0)
    }
}

/// Never print a code into logs by accident.
impl fmt::Debug for DeviceCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DeviceCode(********)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_codes() {
        assert_eq!(
            DeviceCode::parse(" E9jk3m4F ").unwrap().as_str(),
            "E9jk3m4F"
        );
        assert_eq!(
            DeviceCode::parse("E9jk3m4"),
            Err(DeviceCodeError::WrongLength(7))
        );
        assert_eq!(
            DeviceCode::parse("E9jk3m4F0"),
            Err(DeviceCodeError::WrongLength(9))
        );
        assert_eq!(
            DeviceCode::parse("E9jk3m4O"),
            Err(DeviceCodeError::BadCharacter('O'))
        );
        assert_eq!(
            DeviceCode::parse("E9jk3m4碼"),
            Err(DeviceCodeError::BadCharacter('碼'))
        );
    }

    #[test]
    fn qr_payloads_round_trip() {
        let code = DeviceCode::generate(&mut rand::thread_rng());
        assert_eq!(code.as_str().len(), LENGTH);
        assert_eq!(DeviceCode::from_qr(&code.qr_payload()).unwrap(), code);
        assert_eq!(
            DeviceCode::from_qr("https://example.test/"),
            Err(DeviceCodeError::NotADeviceCodeQr)
        );
    }

    #[test]
    fn debug_hides_the_code() {
        let code = DeviceCode::parse("E9jk3m4F").unwrap();
        assert!(!format!("{code:?}").contains("E9jk"));
    }
}
