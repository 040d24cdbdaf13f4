//! The registration password rule of the NHI card online services: 6–12 characters of
//! letters, digits and `~!@#$%^&*`; space, `<` and `>` are never allowed.

use serde::{Deserialize, Serialize};

pub const MIN_LEN: usize = 6;
pub const MAX_LEN: usize = 12;
pub const SPECIALS: &str = "~!@#$%^&*";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("the password needs at least {MIN_LEN} characters")]
    TooShort,
    #[error("the password may have at most {MAX_LEN} characters")]
    TooLong,
    #[error("spaces are not allowed in the password")]
    Space,
    #[error("the characters < and > are not allowed in the password")]
    AngleBracket,
    #[error("'{0}' is not allowed; use letters, digits and ~!@#$%^&*")]
    OtherCharacter(char),
}

/// How hard a password is to guess, as the strength meter shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    Weak,
    Medium,
    MediumStrong,
    Strong,
}

/// Checks the rule; the first broken part is reported.
pub fn validate(password: &str) -> Result<(), PasswordError> {
    for c in password.chars() {
        match c {
            ' ' => return Err(PasswordError::Space),
            '<' | '>' => return Err(PasswordError::AngleBracket),
            c if c.is_ascii_alphanumeric() || SPECIALS.contains(c) => {}
            c => return Err(PasswordError::OtherCharacter(c)),
        }
    }
    match password.chars().count() {
        n if n < MIN_LEN => Err(PasswordError::TooShort),
        n if n > MAX_LEN => Err(PasswordError::TooLong),
        _ => Ok(()),
    }
}

/// Strong mixes upper case, lower case, digits and a symbol and is 8 or more long;
/// each missing ingredient takes a step off. A password the rule refuses is weak, whatever
/// it mixes: the meter never praises what cannot be used.
pub fn strength(password: &str) -> Strength {
    if validate(password).is_err() {
        return Strength::Weak;
    }
    let has = |f: fn(char) -> bool| password.chars().any(f);
    let kinds = [
        has(|c| c.is_ascii_uppercase()),
        has(|c| c.is_ascii_lowercase()),
        has(|c| c.is_ascii_digit()),
        has(|c| SPECIALS.contains(c)),
    ]
    .into_iter()
    .filter(|&k| k)
    .count();
    let long = password.chars().count() >= 8;
    match (kinds, long) {
        (4, true) => Strength::Strong,
        (4, false) | (3, true) => Strength::MediumStrong,
        (3, false) | (2, _) => Strength::Medium,
        _ => Strength::Weak,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_table() {
        let table: [(&str, Result<(), PasswordError>); 10] = [
            ("abc123", Ok(())),
            ("Abcdef12~!@#", Ok(())),
            ("abc12", Err(PasswordError::TooShort)),
            ("Abcdef12~!@#x", Err(PasswordError::TooLong)),
            ("abc 1234", Err(PasswordError::Space)),
            ("abc<1234", Err(PasswordError::AngleBracket)),
            ("abc>1234", Err(PasswordError::AngleBracket)),
            ("abc-1234", Err(PasswordError::OtherCharacter('-'))),
            ("密碼abc123", Err(PasswordError::OtherCharacter('密'))),
            ("", Err(PasswordError::TooShort)),
        ];
        for (input, expected) in table {
            assert_eq!(validate(input), expected, "{input:?}");
        }
    }

    #[test]
    fn strength_table() {
        let table = [
            ("123456", Strength::Weak),
            ("abcdefgh", Strength::Weak),
            ("abc123", Strength::Medium),
            ("abcABC", Strength::Medium),
            ("abcAB1", Strength::Medium),
            ("abcdAB12", Strength::MediumStrong),
            ("aB1~xy", Strength::MediumStrong),
            ("Wang@2026", Strength::Strong),
            ("aB3$aB3$", Strength::Strong),
            // Refused by the rule, so never more than weak.
            ("abc12", Strength::Weak),
            ("abc def12", Strength::Weak),
            ("abc<def12", Strength::Weak),
            ("Wang@2026abcd", Strength::Weak),
        ];
        for (input, expected) in table {
            assert_eq!(strength(input), expected, "{input:?}");
        }
    }
}
