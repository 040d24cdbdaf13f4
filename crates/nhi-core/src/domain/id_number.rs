//! Taiwan personal identifiers: the national ID (身分證統一編號), the new-format UI number
//! issued to foreign residents since 2021 (新式統一證號), and the old-format ARC number
//! (舊式居留證統一證號). Each carries a check digit.

use serde::{Deserialize, Serialize};

use super::checked_string::checked_string;

/// Which kind of identifier a valid number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    /// National ID of a citizen: letter, then 1 (male) or 2 (female), then 8 digits.
    National,
    /// New-format UI number of a foreign resident: letter, then 8 or 9, then 8 digits.
    ResidentNew,
    /// Old-format ARC number: two letters, then 8 digits.
    ResidentOld,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdNumberError {
    #[error("an ID number has 10 characters; this one has {0}")]
    WrongLength(usize),
    #[error("an ID number starts with a letter, followed by digits (or a second letter on an old residence certificate)")]
    BadFormat,
    #[error("this ID number's check digit does not match; please check for a typing mistake")]
    BadChecksum,
}

/// A checked, upper-cased identifier.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IdNumber(String);

/// The two-digit code each area letter stands for in the checksum.
fn letter_code(letter: u8) -> Option<u32> {
    const CODES: [u32; 26] = [
        10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32,
        30, 31, 33,
    ];
    letter
        .is_ascii_uppercase()
        .then(|| CODES[(letter - b'A') as usize])
}

impl IdNumber {
    /// Parses user input: surrounding spaces are ignored and letters may be lower case.
    pub fn parse(input: &str) -> Result<Self, IdNumberError> {
        let text = input.trim().to_ascii_uppercase();
        let bytes = text.as_bytes();
        if text.chars().count() != 10 {
            return Err(IdNumberError::WrongLength(text.chars().count()));
        }
        let area = letter_code(bytes[0]).ok_or(IdNumberError::BadFormat)?;
        if !bytes[2..].iter().all(u8::is_ascii_digit) {
            return Err(IdNumberError::BadFormat);
        }
        let digit = |i: usize| u32::from(bytes[i] - b'0');
        // Area letter: tens weighted 1, units weighted 9.
        let mut sum = area / 10 + (area % 10) * 9;
        let kind = match bytes[1] {
            b'1' | b'2' => IdKind::National,
            b'8' | b'9' => IdKind::ResidentNew,
            b'A'..=b'D' => IdKind::ResidentOld,
            _ => return Err(IdNumberError::BadFormat),
        };
        sum += match kind {
            // The old ARC's gender letter counts with the units digit of its code.
            IdKind::ResidentOld => (letter_code(bytes[1]).unwrap_or(0) % 10) * 8,
            _ => digit(1) * 8,
        };
        sum += (2..9).map(|i| digit(i) * (9 - i as u32)).sum::<u32>();
        sum += digit(9);
        if sum % 10 != 0 {
            return Err(IdNumberError::BadChecksum);
        }
        Ok(Self(text))
    }

    pub fn kind(&self) -> IdKind {
        match self.0.as_bytes()[1] {
            b'1' | b'2' => IdKind::National,
            b'8' | b'9' => IdKind::ResidentNew,
            _ => IdKind::ResidentOld,
        }
    }

    /// The number with its middle hidden, for places that show whose account this is
    /// to anyone who can see the screen (A12****789).
    pub fn masked(&self) -> String {
        format!("{}****{}", &self.0[..3], &self.0[7..])
    }
}

checked_string!(IdNumber, IdNumberError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_numbers_of_every_kind() {
        let table = [
            ("A123456789", IdKind::National),
            ("a223456781", IdKind::National),
            ("  B120034568 ", IdKind::National),
            ("F913579249", IdKind::ResidentNew),
            ("A800000014", IdKind::ResidentNew),
            ("AC01234567", IdKind::ResidentOld),
            ("FA12345670", IdKind::ResidentOld),
        ];
        for (input, kind) in table {
            let id = IdNumber::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(id.kind(), kind, "{input}");
            assert_eq!(id.as_str(), input.trim().to_ascii_uppercase());
        }
    }

    #[test]
    fn invalid_numbers_say_why() {
        let table = [
            // The examples printed in the NHIA manuals fail the checksum.
            ("G123456789", IdNumberError::BadChecksum),
            ("A223456789", IdNumberError::BadChecksum),
            ("A123456788", IdNumberError::BadChecksum),
            ("AC01234568", IdNumberError::BadChecksum),
            ("A12345678", IdNumberError::WrongLength(9)),
            ("", IdNumberError::WrongLength(0)),
            ("A1234567890", IdNumberError::WrongLength(11)),
            ("1123456789", IdNumberError::BadFormat),
            ("A323456789", IdNumberError::BadFormat),
            ("AE01234567", IdNumberError::BadFormat),
            ("A12345678X", IdNumberError::BadFormat),
            ("Ａ12345678", IdNumberError::WrongLength(9)),
        ];
        for (input, err) in table {
            assert_eq!(IdNumber::parse(input), Err(err), "{input:?}");
        }
    }

    #[test]
    fn masking_hides_the_middle() {
        assert_eq!(
            IdNumber::parse("A123456789").unwrap().masked(),
            "A12****789"
        );
    }

    #[test]
    fn deserialising_checks_the_number() {
        assert!(serde_json::from_str::<IdNumber>("\"A123456789\"").is_ok());
        assert!(serde_json::from_str::<IdNumber>("\"G123456789\"").is_err());
    }
}
