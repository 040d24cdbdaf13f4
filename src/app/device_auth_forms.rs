//! The device-authentication forms: what can be checked before anything is sent.

use crate::domain::password::{self, PasswordError, Strength};
use crate::domain::{DeviceCode, IdNumber, Lang, MobileNumber};

use super::login_form::LoginFormError;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhoneForm {
    pub id_number: String,
    pub card_last4: String,
    pub mobile: String,
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
    #[error("device code: {0}")]
    Code(crate::domain::device_code::DeviceCodeError),
}

impl PhoneForm {
    pub fn validate(&self) -> Result<(IdNumber, MobileNumber), DeviceFormError> {
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
            None => format!(
                "{}{}",
                lang.pick("密碼強度：", "Strength: "),
                self.strength()
                    .map(|s| strength_label(s, lang))
                    .unwrap_or("–"),
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

pub fn strength_label(strength: Strength, lang: Lang) -> &'static str {
    match strength {
        Strength::Weak => lang.pick("弱", "Weak"),
        Strength::Medium => lang.pick("中", "Medium"),
        Strength::MediumStrong => lang.pick("中強", "Medium-strong"),
        Strength::Strong => lang.pick("強", "Strong"),
    }
}

impl DeviceFormError {
    pub fn user_message(&self, lang: Lang) -> String {
        use crate::domain::device_code::DeviceCodeError as C;
        match self {
            Self::Id(e) => e.user_message(lang),
            Self::Last4 => lang
                .pick("請輸入健保卡號末 4 碼（數字）。", "Enter the last 4 digits of your NHI card number.")
                .to_owned(),
            Self::Mobile => lang
                .pick("手機號碼為 09 開頭的 10 碼數字。", "A mobile number is 09 followed by 8 digits.")
                .to_owned(),
            Self::Password(e) => match (e, lang) {
                (PasswordError::TooShort, l) => l.pick("密碼至少 6 碼。", "The password needs at least 6 characters.").to_owned(),
                (PasswordError::TooLong, l) => l.pick("密碼最多 12 碼。", "The password may have at most 12 characters.").to_owned(),
                (PasswordError::Space, l) => l.pick("密碼不可包含空白。", "Spaces are not allowed in the password.").to_owned(),
                (PasswordError::AngleBracket, l) => l.pick("密碼不可包含 < 或 >。", "< and > are not allowed in the password.").to_owned(),
                (PasswordError::OtherCharacter(c), Lang::ZhTw) => format!("密碼不可包含「{c}」，僅限英文字母、數字與 ~!@#$%^&*。"),
                (PasswordError::OtherCharacter(c), Lang::En) => format!("'{c}' is not allowed; use letters, digits and ~!@#$%^&*."),
            },
            Self::Mismatch => lang
                .pick("兩次輸入的密碼不同。", "The two passwords differ.")
                .to_owned(),
            Self::Code(C::WrongLength(n)) => match lang {
                Lang::ZhTw => format!("驗證碼為 8 碼，您輸入了 {n} 碼。"),
                Lang::En => format!("The code has 8 characters; you typed {n}."),
            },
            Self::Code(C::BadCharacter(c)) => match lang {
                Lang::ZhTw => format!("驗證碼中不會出現「{c}」，請對照網站上的驗證碼。"),
                Lang::En => format!("'{c}' never appears in a device code; compare with the website."),
            },
            Self::Code(C::NotADeviceCodeQr) => lang
                .pick(
                    "這不是裝置認證碼的 QR 碼，請掃描註冊網站上顯示的 QR 碼。",
                    "This QR code is not a device verification code. Scan the one the registration website shows.",
                )
                .to_owned(),
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
        };
        assert!(ok.validate().is_ok());
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
