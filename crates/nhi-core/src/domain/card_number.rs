//! The NHI card number (健保卡號) printed on the card: 12 digits.

use serde::{Deserialize, Serialize};

use super::checked_string::checked_string;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("an NHI card number is 12 digits")]
pub struct CardNumberError;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CardNumber(String);

impl CardNumber {
    pub fn parse(input: &str) -> Result<Self, CardNumberError> {
        let compact: String = input.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        let ok = compact.len() == 12 && compact.bytes().all(|b| b.is_ascii_digit());
        ok.then_some(Self(compact)).ok_or(CardNumberError)
    }

    /// The last four digits, which the phone authentication asks for.
    pub fn last4(&self) -> &str {
        &self.0[8..]
    }

    /// Whether `typed` are this card's last four digits (spaces ignored).
    pub fn ends_with_digits(&self, typed: &str) -> bool {
        let typed = typed.trim();
        typed.len() == 4 && typed.bytes().all(|b| b.is_ascii_digit()) && typed == self.last4()
    }
}

checked_string!(CardNumber, CardNumberError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let table = [
            ("000012345678", Some("000012345678")),
            ("0000 1234 5678", Some("000012345678")),
            ("0000-1234-5678", Some("000012345678")),
            ("00001234567", None),
            ("0000123456789", None),
            ("00001234567a", None),
        ];
        for (input, expected) in table {
            let got = CardNumber::parse(input).ok();
            assert_eq!(got.as_ref().map(CardNumber::as_str), expected, "{input:?}");
        }
        let card = CardNumber::parse("000012345678").unwrap();
        assert_eq!(card.last4(), "5678");
        assert!(card.ends_with_digits(" 5678 "));
        assert!(!card.ends_with_digits("5679"));
        assert!(!card.ends_with_digits("678"));
    }
}
