//! The card's one-time QR code (§2.4, §2.6): its payload, its lifetime, the visit sequence
//! numbers it earns, and the clinic-side result codes real HIS software already handles.

use chrono::Duration;

/// A QR code is good for this long, once.
pub const QR_LIFETIME: Duration = Duration::minutes(5);
/// The versioned payload prefix. After it comes only an opaque token (random, or sealed by the
/// server so that it reads as random): no personal or medical data ever sits in the code.
pub const QR_PREFIX: &str = "NHIEXPRESS:CARD:1:";

/// The token inside a scanned payload, if it is one of ours.
pub fn token_from_payload(payload: &str) -> Option<&str> {
    let token = payload.trim().strip_prefix(QR_PREFIX)?;
    let ok = (32..=96).contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    ok.then_some(token)
}

pub fn payload_for(token: &str) -> String {
    format!("{QR_PREFIX}{token}")
}

/// Virtual-card visit sequence numbers fill the same 4-character field as the physical
/// card's 0001–9999, but start with `V`: V001 … V999 a year.
pub fn visit_sequence(n: u32) -> Option<String> {
    (1..=999).contains(&n).then(|| format!("V{n:03}"))
}

/// The clinic-side codes, as the HIS world numbers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HisCode {
    QrExpired = 1018,
    QrNotFound = 1019,
    QrReused = 1020,
    TokenExpired = 1021,
    TokenInvalid = 1022,
    TokenMissing = 1023,
    NotInProgramme = 1042,
    SignatureFailed = 1523,
    TooManyVerifications = 1525,
    CardVoided = 3203,
    AlreadyUsedForVisit = 3244,
    NoSecurityModuleCard = 4012,
    NoProfessionalCard = 4014,
}

impl HisCode {
    pub fn number(self) -> u16 {
        self as u16
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_carry_only_the_token() {
        let token = "a".repeat(43);
        let payload = payload_for(&token);
        assert_eq!(token_from_payload(&payload), Some(token.as_str()));
        assert_eq!(token_from_payload("NHIEXPRESS:CARD:1:short"), None);
        assert_eq!(
            token_from_payload("NHIEXPRESS:DEVICE-CODE:1:E9jk3m4F"),
            None
        );
        assert_eq!(token_from_payload(&format!("{payload}<script>")), None);
    }

    #[test]
    fn visit_sequences_fit_four_characters() {
        assert_eq!(visit_sequence(1).as_deref(), Some("V001"));
        assert_eq!(visit_sequence(999).as_deref(), Some("V999"));
        assert_eq!(visit_sequence(0), None);
        assert_eq!(visit_sequence(1000), None);
        assert_eq!(HisCode::QrReused.number(), 1020);
    }
}
