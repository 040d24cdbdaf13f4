//! Taiwan mobile numbers: 09 followed by 8 digits.

use serde::{Deserialize, Serialize};

use super::checked_string::checked_string;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a mobile number is 09 followed by 8 digits, e.g. 0912345678")]
pub struct MobileNumberError;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MobileNumber(String);

impl MobileNumber {
    /// Accepts the ways people write their number: `0912-345-678`, `0912 345 678`,
    /// `+886 912 345 678`.
    pub fn parse(input: &str) -> Result<Self, MobileNumberError> {
        let compact: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
            .collect();
        let local = match compact.strip_prefix("+886") {
            Some(rest) => format!("0{rest}"),
            None => compact,
        };
        let ok = local.len() == 10
            && local.starts_with("09")
            && local.bytes().all(|b| b.is_ascii_digit());
        ok.then_some(Self(local)).ok_or(MobileNumberError)
    }
}

checked_string!(MobileNumber, MobileNumberError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let table = [
            ("0912345678", Some("0912345678")),
            ("0912-345-678", Some("0912345678")),
            ("0912 345 678", Some("0912345678")),
            ("+886 912 345 678", Some("0912345678")),
            ("+886912345678", Some("0912345678")),
            ("0212345678", None),
            ("091234567", None),
            ("09123456789", None),
            ("09123x5678", None),
            ("", None),
        ];
        for (input, expected) in table {
            let got = MobileNumber::parse(input).ok();
            assert_eq!(
                got.as_ref().map(MobileNumber::as_str),
                expected,
                "{input:?}"
            );
        }
    }
}
