//! The two authorization forms — "Authorize" and "Get authorization" by typing — and what
//! can be checked before anything is sent, with the messages for each mistake.

use chrono::{Duration, NaiveDate};

use super::login_form::LoginFormError;
use crate::client::ClientError;
use nhi_core::api::{CreateAuthorization, ProblemCode, RedeemAuthorization};
use nhi_core::domain::authorization::{check_period, is_code, PeriodError, MAX_PERIOD_DAYS};
use nhi_core::domain::IdNumber;
use nhi_core::i18n::Lang;

/// The period a new authorization offers unless changed: today and the next 29 days, as in
/// NHI Express ("from 2022-04-29 to 2022-05-28").
pub const DEFAULT_PERIOD_DAYS: i64 = 30;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AuthorizationError {
    #[error("\"agree to authorize\" is not ticked")]
    NotAgreed,
    #[error(transparent)]
    Id(LoginFormError),
    #[error("one cannot authorize oneself")]
    Yourself,
    #[error("a date is missing or not a date")]
    Date,
    #[error(transparent)]
    Period(PeriodError),
    #[error("the code has 6 digits")]
    Code,
    #[error("the image holds no authorization QR code")]
    NotAnAuthorizationQr,
    #[error(transparent)]
    Server(#[from] ClientError),
    /// Quick sign-in's confirmation was not given (cancelled, or the key failed).
    #[error(transparent)]
    Confirm(super::QuickSignInError),
}

impl AuthorizationError {
    pub fn user_message(&self, lang: Lang) -> String {
        let say = |id: &str| lang.t(id);
        match self {
            Self::NotAgreed => say("authorization-forms-tick-agree-authorize"),
            Self::Id(e) => e.user_message(lang),
            Self::Yourself => say("authorization-forms-cannot-authorize-yourself-enter"),
            Self::Date => say("authorization-forms-choose-start-end-dates"),
            Self::Period(PeriodError::StartsInPast) => {
                say("authorization-forms-start-date-cannot-before")
            }
            Self::Period(PeriodError::EndsBeforeStart) => {
                say("authorization-forms-end-date-cannot-before")
            }
            Self::Period(PeriodError::TooLong) => {
                say("authorization-forms-one-authorization-covers-most")
            }
            Self::Code => say("authorization-forms-authorization-code-has-6"),
            Self::NotAnAuthorizationQr => say("authorization-forms-image-holds-no-authorization"),
            // The generic message speaks of device codes; say which code was wrong here.
            Self::Server(ClientError::Problem(p)) if p.code == ProblemCode::CodeInvalid => {
                let text = say("authorization-forms-authorization-code-not-right");
                match p.attempts_left {
                    Some(n) => text + &nhi_core::tr!(lang, "common-tries-left", n = n),
                    None => text,
                }
            }
            Self::Server(e) => e.user_message(lang),
            Self::Confirm(e) => e.user_message(lang),
        }
    }
}

fn parse_id(typed: &str) -> Result<IdNumber, AuthorizationError> {
    if typed.trim().is_empty() {
        return Err(AuthorizationError::Id(LoginFormError::MissingId));
    }
    IdNumber::parse(typed).map_err(|e| AuthorizationError::Id(LoginFormError::BadId(e)))
}

/// "Authorize": the grantee and the period, as typed (dates as `<input type=date>` gives them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizeForm {
    pub agree: bool,
    pub grantee_id: String,
    pub starts_on: String,
    pub ends_on: String,
}

impl AuthorizeForm {
    pub fn new(today: NaiveDate) -> Self {
        Self {
            agree: false,
            grantee_id: String::new(),
            starts_on: today.to_string(),
            ends_on: (today + Duration::days(DEFAULT_PERIOD_DAYS - 1)).to_string(),
        }
    }

    /// The first and the last day the date fields offer: today, and a year's period later.
    pub fn date_bounds(today: NaiveDate) -> (NaiveDate, NaiveDate) {
        (today, today + Duration::days(MAX_PERIOD_DAYS - 1))
    }

    pub fn validate(
        &self,
        me: &IdNumber,
        today: NaiveDate,
    ) -> Result<CreateAuthorization, AuthorizationError> {
        if !self.agree {
            return Err(AuthorizationError::NotAgreed);
        }
        let grantee = parse_id(&self.grantee_id)?;
        if &grantee == me {
            return Err(AuthorizationError::Yourself);
        }
        // A webview without a date picker gives the typed text; the same format is asked for.
        let date = |s: &str| {
            s.trim()
                .parse::<NaiveDate>()
                .map_err(|_| AuthorizationError::Date)
        };
        let (starts_on, ends_on) = (date(&self.starts_on)?, date(&self.ends_on)?);
        check_period(starts_on, ends_on, today).map_err(AuthorizationError::Period)?;
        Ok(CreateAuthorization {
            grantee_id: grantee.to_string(),
            starts_on,
            ends_on,
            approval: None,
        })
    }
}

/// "Get authorization" by typing: the card holder's ID and the 6-digit code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RedeemForm {
    pub grantor_id: String,
    pub code: String,
}

impl RedeemForm {
    pub fn validate(&self) -> Result<RedeemAuthorization, AuthorizationError> {
        let grantor = parse_id(&self.grantor_id)?;
        if !is_code(&self.code) {
            return Err(AuthorizationError::Code);
        }
        Ok(RedeemAuthorization {
            grantor_id: Some(grantor.to_string()),
            code: Some(self.code.trim().to_owned()),
            qr_payload: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn me() -> IdNumber {
        IdNumber::parse("H120246804").unwrap()
    }

    #[test]
    fn the_form_starts_with_a_thirty_day_period_from_today() {
        let form = AuthorizeForm::new(d(2022, 4, 29));
        assert_eq!(form.starts_on, "2022-04-29");
        assert_eq!(form.ends_on, "2022-05-28");
        assert!(!form.agree, "consent is never pre-ticked");
        let (first, last) = AuthorizeForm::date_bounds(d(2022, 4, 29));
        assert_eq!((first, last), (d(2022, 4, 29), d(2023, 4, 29)), "a year on");
        let form = AuthorizeForm {
            agree: true,
            grantee_id: "H221357915".into(),
            starts_on: first.to_string(),
            ends_on: last.to_string(),
        };
        assert!(
            form.validate(&me(), first).is_ok(),
            "the last day offered is allowed"
        );
    }

    #[test]
    fn authorizing_needs_consent_a_valid_other_person_and_a_period() {
        let today = d(2026, 11, 23);
        let mut form = AuthorizeForm::new(today);
        form.grantee_id = "h221357915".into();
        assert_eq!(
            form.validate(&me(), today),
            Err(AuthorizationError::NotAgreed)
        );
        form.agree = true;
        let request = form.validate(&me(), today).unwrap();
        assert_eq!(request.grantee_id, "H221357915");
        assert_eq!(request.ends_on, d(2026, 12, 22));

        form.grantee_id = "H120246804".into();
        assert_eq!(
            form.validate(&me(), today),
            Err(AuthorizationError::Yourself)
        );
        form.grantee_id = "H221357916".into();
        assert!(matches!(
            form.validate(&me(), today),
            Err(AuthorizationError::Id(_))
        ));
        form.grantee_id = "H221357915".into();
        form.ends_on = String::new();
        assert_eq!(form.validate(&me(), today), Err(AuthorizationError::Date));
        form.ends_on = "2026-11-22".into();
        assert_eq!(
            form.validate(&me(), today),
            Err(AuthorizationError::Period(PeriodError::EndsBeforeStart))
        );
    }

    #[test]
    fn a_typed_code_is_six_digits_with_the_holders_id() {
        let mut form = RedeemForm {
            grantor_id: "H120246804".into(),
            code: "12345".into(),
        };
        assert_eq!(form.validate().unwrap_err(), AuthorizationError::Code);
        form.code = " 012345 ".into();
        assert_eq!(form.validate().unwrap().code.as_deref(), Some("012345"));
        form.grantor_id = String::new();
        assert!(matches!(form.validate(), Err(AuthorizationError::Id(_))));
    }
}
