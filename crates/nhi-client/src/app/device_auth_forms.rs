//! The device-authentication forms: what can be checked before anything is sent.

use nhi_core::domain::password::{self, PasswordError, Strength};
use nhi_core::domain::{DeviceCode, IdNumber, MobileNumber};
use nhi_core::i18n::Lang;

use super::login_form::LoginFormError;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhoneForm {
    pub id_number: String,
    pub card_last4: String,
    pub mobile: String,
    /// Confirm was pressed under the User Terms and Conditions and the Personal Privacy
    /// Statement (`consent::APP_TERMS_VERSION`).
    pub terms_agreed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeviceFormError {
    #[error(transparent)]
    Id(LoginFormError),
    #[error("the last 4 digits of the card are 4 digits")]
    Last4,
    #[error("mobile number format")]
    Mobile,
    #[error("password rule: {0}")]
    Password(PasswordError),
    #[error("the passwords differ")]
    Mismatch,
    #[error("the terms were not agreed to")]
    TermsNotAgreed,
    #[error("device code: {0}")]
    Code(nhi_core::domain::device_code::DeviceCodeError),
}

impl PhoneForm {
    pub fn validate(&self) -> Result<(IdNumber, MobileNumber), DeviceFormError> {
        if !self.terms_agreed {
            return Err(DeviceFormError::TermsNotAgreed);
        }
        if self.id_number.trim().is_empty() {
            return Err(DeviceFormError::Id(LoginFormError::MissingId));
        }
        let id = IdNumber::parse(&self.id_number)
            .map_err(|e| DeviceFormError::Id(LoginFormError::BadId(e)))?;
        let last4 = self.card_last4.trim();
        if last4.len() != 4 || !last4.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DeviceFormError::Last4);
        }
        let mobile = MobileNumber::parse(&self.mobile).map_err(|_| DeviceFormError::Mobile)?;
        Ok((id, mobile))
    }
}

/// The new registration password and its confirmation.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct PasswordForm {
    pub password: String,
    pub confirm: String,
}

/// Neither password shows in debug output or logs.
impl std::fmt::Debug for PasswordForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordForm { password: ***, confirm: *** }")
    }
}

impl PasswordForm {
    pub fn validate(&self) -> Result<(), DeviceFormError> {
        password::validate(&self.password).map_err(DeviceFormError::Password)?;
        if self.password != self.confirm {
            return Err(DeviceFormError::Mismatch);
        }
        Ok(())
    }

    /// For the strength meter; `None` while nothing is typed.
    pub fn strength(&self) -> Option<Strength> {
        (!self.password.is_empty()).then(|| password::strength(&self.password))
    }

    /// The meter's words for the password typed so far: why the rules refuse it, else its
    /// strength (never a strength for a refused password).
    pub fn meter_text(&self, lang: Lang) -> String {
        match self.rule_problem() {
            Some(problem) => problem.user_message(lang),
            None => nhi_core::tr!(
                lang,
                "password-strength-is",
                strength = self
                    .strength()
                    .map(|s| strength_label(s, lang))
                    .unwrap_or_else(|| "–".to_owned()),
            ),
        }
    }

    /// Characters typed, and whether that is over the limit (shown as "n / 12").
    pub fn typed_length(&self) -> (usize, bool) {
        let typed = self.password.chars().count();
        (typed, typed > password::MAX_LEN)
    }

    /// What the rule says of the password typed so far (`None` while empty or allowed), so
    /// the field can say it at once instead of the strength.
    pub fn rule_problem(&self) -> Option<DeviceFormError> {
        if self.password.is_empty() {
            return None;
        }
        password::validate(&self.password)
            .err()
            .map(DeviceFormError::Password)
    }
}

pub fn parse_code(typed: &str) -> Result<DeviceCode, DeviceFormError> {
    DeviceCode::parse(typed).map_err(DeviceFormError::Code)
}

pub fn strength_label(strength: Strength, lang: Lang) -> String {
    match strength {
        Strength::Weak => lang.t("device-auth-forms-weak"),
        Strength::Medium => lang.t("device-auth-forms-medium"),
        Strength::MediumStrong => lang.t("device-auth-forms-medium-strong"),
        Strength::Strong => lang.t("device-auth-forms-strong"),
    }
}

impl DeviceFormError {
    pub fn user_message(&self, lang: Lang) -> String {
        use nhi_core::domain::device_code::DeviceCodeError as C;
        match self {
            Self::Id(e) => e.user_message(lang),
            Self::Last4 => lang.t("device-auth-forms-enter-last-4-digits"),
            Self::Mobile => lang.t("device-auth-forms-mobile-number-09-followed"),
            Self::Password(e) => match (e, lang) {
                (PasswordError::TooShort, l) => l.t("device-auth-forms-password-needs-least-6"),
                (PasswordError::TooLong, l) => l.t("device-auth-forms-password-may-have-most"),
                (PasswordError::Space, l) => l.t("device-auth-forms-spaces-are-not-allowed"),
                (PasswordError::AngleBracket, l) => {
                    l.t("device-auth-forms-are-not-allowed-password")
                }
                (PasswordError::OtherCharacter(c), l) => {
                    nhi_core::tr!(l, "password-other-character", character = c.to_string())
                }
            },
            Self::Mismatch => lang.t("device-auth-forms-two-passwords-differ"),
            Self::TermsNotAgreed => lang.t("phone-terms-agree-first"),
            Self::Code(C::WrongLength(n)) => {
                nhi_core::tr!(lang, "device-code-wrong-length", n = *n)
            }
            Self::Code(C::BadCharacter(c)) => {
                nhi_core::tr!(lang, "device-code-bad-character", character = c.to_string())
            }
            Self::Code(C::NotADeviceCodeQr) => lang.t("device-auth-forms-qr-code-not-device"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_form_checks_each_field() {
        let ok = PhoneForm {
            id_number: "A123456789".into(),
            card_last4: "5678".into(),
            mobile: "0912-345-678".into(),
            terms_agreed: true,
        };
        assert!(ok.validate().is_ok());
        let bad = PhoneForm {
            terms_agreed: false,
            ..ok.clone()
        };
        assert_eq!(bad.validate(), Err(DeviceFormError::TermsNotAgreed));
        let bad = PhoneForm {
            card_last4: "56a8".into(),
            ..ok.clone()
        };
        assert_eq!(bad.validate(), Err(DeviceFormError::Last4));
        let bad = PhoneForm {
            mobile: "0212345678".into(),
            ..ok
        };
        assert_eq!(bad.validate(), Err(DeviceFormError::Mobile));
    }

    #[test]
    fn password_form_needs_the_rule_and_a_match() {
        let f = |p: &str, c: &str| PasswordForm {
            password: p.into(),
            confirm: c.into(),
        };
        assert_eq!(
            f("abc", "abc").validate(),
            Err(DeviceFormError::Password(PasswordError::TooShort))
        );
        assert_eq!(
            f("Abcd1234!", "Abcd1234?").validate(),
            Err(DeviceFormError::Mismatch)
        );
        assert!(f("Abcd1234!", "Abcd1234!").validate().is_ok());
        assert_eq!(f("Abcd1234!", "").strength(), Some(Strength::Strong));
        assert_eq!(f("", "").strength(), None);
        assert_eq!(f("Abcd1234!x123", "").strength(), Some(Strength::Weak));
        assert_eq!(
            f("Abcd1234!x123", "").rule_problem(),
            Some(DeviceFormError::Password(PasswordError::TooLong))
        );
        assert_eq!(f("Abcd1234!", "").rule_problem(), None);
    }
}
