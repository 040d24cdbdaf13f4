//! The login form: what can be checked before anything is sent.

use nhi_core::domain::{IdNumber, IdNumberError};
use nhi_core::i18n::Lang;

#[derive(Clone, Default, PartialEq, Eq)]
pub struct LoginForm {
    pub id_number: String,
    pub password: String,
    pub remember: bool,
}

/// The password never shows in debug output or logs.
impl std::fmt::Debug for LoginForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginForm")
            .field("id_number", &self.id_number)
            .field("password", &"***")
            .field("remember", &self.remember)
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoginFormError {
    #[error("the ID number is empty")]
    MissingId,
    #[error("invalid ID number: {0}")]
    BadId(IdNumberError),
    #[error("the password is empty")]
    MissingPassword,
}

impl LoginForm {
    /// The checked ID, or the first thing to fix.
    pub fn validate(&self) -> Result<IdNumber, LoginFormError> {
        if self.id_number.trim().is_empty() {
            return Err(LoginFormError::MissingId);
        }
        let id = IdNumber::parse(&self.id_number).map_err(LoginFormError::BadId)?;
        if self.password.is_empty() {
            return Err(LoginFormError::MissingPassword);
        }
        Ok(id)
    }
}

impl LoginFormError {
    pub fn user_message(&self, lang: Lang) -> String {
        let text = match self {
            Self::MissingId => lang.t("login-form-enter-id-number"),
            Self::BadId(IdNumberError::WrongLength(_)) => lang.t("login-form-id-number-has-10"),
            Self::BadId(IdNumberError::BadFormat) => lang.t("login-form-id-number-format"),
            Self::BadId(IdNumberError::BadChecksum) => lang.t("login-form-id-number-check-digit"),
            Self::MissingPassword => lang.t("login-form-enter-password"),
        };
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(id: &str, pw: &str) -> LoginForm {
        LoginForm {
            id_number: id.into(),
            password: pw.into(),
            remember: false,
        }
    }

    #[test]
    fn checks_in_order() {
        assert_eq!(form("", "x").validate(), Err(LoginFormError::MissingId));
        assert_eq!(
            form("G123456789", "x").validate(),
            Err(LoginFormError::BadId(IdNumberError::BadChecksum))
        );
        assert_eq!(
            form("A123456789", "").validate(),
            Err(LoginFormError::MissingPassword)
        );
        assert_eq!(
            form("a123456789", "pw").validate().unwrap().as_str(),
            "A123456789"
        );
    }

    #[test]
    fn messages_in_both_languages() {
        let e = form("G123456789", "x").validate().unwrap_err();
        assert!(e.user_message(Lang::ZhTw).contains("檢查碼"));
        assert!(e.user_message(Lang::En).contains("check digit"));
    }

    #[test]
    fn debug_output_hides_the_password() {
        let shown = format!("{:?}", form("A123456789", "Wang@2026"));
        assert!(shown.contains("A123456789"));
        assert!(!shown.contains("Wang@2026"), "{shown}");
    }
}
