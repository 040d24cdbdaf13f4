//! What a person agrees to before an account is made for them, and which version of it:
//! the app's phone path shows the User Terms and Conditions and the Personal Privacy
//! Statement (the manual: "Click Confirm to agree"); the registration website shows its
//! rules (全民健康保險網路服務註冊管理作業要點, "I have read and understood the rules"). The
//! server records the version agreed and refuses an agreement to any other.

/// The documents a person agrees to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentDocument {
    /// The app's User Terms and Conditions and Personal Privacy Statement.
    AppTerms,
    /// The registration website's rules.
    RegistrationRules,
}

impl ConsentDocument {
    /// The version shown now; an agreement names it.
    pub fn current_version(self) -> &'static str {
        match self {
            Self::AppTerms => APP_TERMS_VERSION,
            Self::RegistrationRules => REGISTRATION_RULES_VERSION,
        }
    }

    /// As the server records it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AppTerms => "app-terms",
            Self::RegistrationRules => "registration-rules",
        }
    }
}

/// The app's terms and privacy statement, as the phone path shows them.
pub const APP_TERMS_VERSION: &str = "2026-12-07";
/// The registration website's rules, as its application page shows them.
pub const REGISTRATION_RULES_VERSION: &str = "2026-12-07";
