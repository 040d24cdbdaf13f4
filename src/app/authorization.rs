//! Authorizing family members and caregivers (授權使用 / 取得授權): the two forms, what the
//! lists show, and the calls behind the screens.

use chrono::{Duration, NaiveDate};

use super::auth::AuthService;
use super::display;
use super::login_form::LoginFormError;
use super::session::Session;
use crate::api::{
    AuthorizationList, AuthorizationOffer, AuthorizationState, AuthorizationView, CardQr,
    CreateAuthorization, ProblemCode, RedeemAuthorization,
};
use crate::client::ClientError;
use crate::domain::authorization::{
    check_period, is_code, PeriodError, MAX_PERIOD_DAYS, QR_PREFIX,
};
use crate::domain::{IdNumber, Lang};

/// The period a new authorization offers unless changed: today and the next 29 days, as in
/// NHI Express ("from 2022-04-29 to 2022-05-28").
pub const DEFAULT_PERIOD_DAYS: i64 = 30;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AuthorizationError {
    #[error("\"agree to authorize\" is not ticked")]
    NotAgreed,
    #[error("\"agree to accept\" is not ticked")]
    NotAccepted,
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
}

impl AuthorizationError {
    pub fn user_message(&self, lang: Lang) -> String {
        let say = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
        match self {
            Self::NotAgreed => say("請勾選「同意授權」。", "Please tick \"agree to authorize\"."),
            Self::NotAccepted => say("請勾選「同意接受授權」。", "Please tick \"agree to accept\"."),
            Self::Id(e) => e.user_message(lang),
            Self::Yourself => say(
                "不能授權給自己，請輸入家人或照顧者的身分證號。",
                "You cannot authorize yourself. Enter the ID of a family member or caregiver.",
            ),
            Self::Date => say("請選擇開始與結束日期。", "Please choose the start and end dates."),
            Self::Period(PeriodError::StartsInPast) => say("開始日期不可早於今天。", "The start date cannot be before today."),
            Self::Period(PeriodError::EndsBeforeStart) => say("結束日期不可早於開始日期。", "The end date cannot be before the start date."),
            Self::Period(PeriodError::TooLong) => say("一次授權最長一年，請縮短期間。", "One authorization covers at most a year. Please shorten it."),
            Self::Code => say("授權碼為 6 位數字。", "The authorization code has 6 digits."),
            Self::NotAnAuthorizationQr => say(
                "圖片中沒有授權 QR 碼，請掃描授權人手機上「授權使用」顯示的 QR 碼。",
                "This image holds no authorization QR code. Scan the one the card holder's \"Authorize\" screen shows.",
            ),
            // The generic message speaks of device codes; say which code was wrong here.
            Self::Server(ClientError::Problem(p)) if p.code == ProblemCode::CodeInvalid => {
                let text = say("授權碼不正確，請核對授權人手機上顯示的 6 位數字。", "The authorization code is not right. Check the 6 digits on the card holder's phone.");
                match (p.attempts_left, lang) {
                    (Some(n), Lang::ZhTw) => format!("{text}（尚可再試 {n} 次）"),
                    (Some(n), Lang::En) => format!("{text} ({n} tries left)"),
                    (None, _) => text,
                }
            }
            Self::Server(e) => e.user_message(lang),
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

/// Whether an authorization still belongs in the main lists; the rest go to history.
pub fn is_current(state: AuthorizationState) -> bool {
    matches!(
        state,
        AuthorizationState::Pending
            | AuthorizationState::NotYetStarted
            | AuthorizationState::Active
    )
}

/// A list split for the screen: current ones by the date they start (the one in effect
/// first), then history with the latest first.
pub fn current_and_history(
    views: &[AuthorizationView],
) -> (Vec<AuthorizationView>, Vec<AuthorizationView>) {
    let (mut current, mut history): (Vec<_>, Vec<_>) =
        views.iter().cloned().partition(|a| is_current(a.state));
    current.sort_by_key(|a| (a.starts_on, a.id));
    history.sort_by_key(|a| std::cmp::Reverse(a.id));
    (current, history)
}

/// "115/11/23 至 115/12/22" / "from 2026-11-23 to 2026-12-22".
pub fn period_text(view: &AuthorizationView, lang: Lang) -> String {
    let (from, to) = (
        display::date(view.starts_on, lang),
        display::date(view.ends_on, lang),
    );
    match lang {
        Lang::ZhTw => format!("{from} 至 {to}"),
        Lang::En => format!("from {from} to {to}"),
    }
}

pub fn state_label(state: AuthorizationState, lang: Lang) -> &'static str {
    match state {
        AuthorizationState::Pending => lang.pick("等待對方接受", "Waiting to be accepted"),
        AuthorizationState::OfferExpired => lang.pick("未在時限內接受", "Not accepted in time"),
        AuthorizationState::NotYetStarted => lang.pick("尚未開始", "Not started yet"),
        AuthorizationState::Active => lang.pick("授權中", "In effect"),
        AuthorizationState::Ended => lang.pick("已到期", "Ended"),
        AuthorizationState::Cancelled => lang.pick("已取消", "Cancelled"),
    }
}

impl AuthService {
    pub async fn authorize(
        &self,
        session: &Session,
        form: &AuthorizeForm,
    ) -> Result<AuthorizationOffer, AuthorizationError> {
        let today = crate::domain::authorization::taiwan_date(self.clock().now());
        let request = form.validate(&session.person.id_number, today)?;
        Ok(self.client.authorize(&session.token, &request).await?)
    }

    pub async fn redeem_by_code(
        &self,
        session: &Session,
        form: &RedeemForm,
    ) -> Result<AuthorizationView, AuthorizationError> {
        let request = form.validate()?;
        Ok(self
            .client
            .redeem_authorization(&session.token, &request)
            .await?)
    }

    /// Reads the grantor's authorization QR from a photo or screenshot and redeems it.
    pub async fn redeem_from_image(
        &self,
        session: &Session,
        image: Vec<u8>,
    ) -> Result<AuthorizationView, AuthorizationError> {
        let texts = self.client.scan_qr(image).await?;
        let payload = texts
            .into_iter()
            .find(|t| t.trim().starts_with(QR_PREFIX))
            .ok_or(AuthorizationError::NotAnAuthorizationQr)?;
        let request = RedeemAuthorization {
            qr_payload: Some(payload),
            ..RedeemAuthorization::default()
        };
        Ok(self
            .client
            .redeem_authorization(&session.token, &request)
            .await?)
    }

    pub async fn authorizations(
        &self,
        session: &Session,
    ) -> Result<AuthorizationList, ClientError> {
        self.client.authorizations(&session.token).await
    }

    /// What became of an offer: `None` while the grantee has not answered it yet.
    pub async fn offer_outcome(
        &self,
        session: &Session,
        id: i64,
    ) -> Result<Option<AuthorizationView>, ClientError> {
        let list = self.client.authorizations(&session.token).await?;
        Ok(list
            .granted
            .into_iter()
            .find(|a| a.id == id && a.state != AuthorizationState::Pending))
    }

    /// One card I may use, by its authorization.
    pub async fn allowed_authorization(
        &self,
        session: &Session,
        id: i64,
    ) -> Result<Option<AuthorizationView>, ClientError> {
        let list = self.client.authorizations(&session.token).await?;
        Ok(list.allowed.into_iter().find(|a| a.id == id))
    }

    pub async fn cancel_authorization(
        &self,
        session: &Session,
        id: i64,
    ) -> Result<(), ClientError> {
        self.client.cancel_authorization(&session.token, id).await
    }

    /// The grantor's one-time card QR, for the grantee to show.
    pub async fn delegate_qr(&self, session: &Session, id: i64) -> Result<CardQr, ClientError> {
        self.client.delegate_qr(&session.token, id).await
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

    #[test]
    fn periods_read_naturally_in_both_languages() {
        let view = AuthorizationView {
            id: 1,
            grantor: crate::api::Party {
                id_number: "H12****804".into(),
                name: "林清水".into(),
            },
            grantee: crate::api::Party {
                id_number: "H22****915".into(),
                name: "林秀琴".into(),
            },
            starts_on: d(2022, 4, 29),
            ends_on: d(2022, 5, 28),
            state: AuthorizationState::Active,
            uses: vec![],
        };
        assert_eq!(
            period_text(&view, Lang::En),
            "from 2022-04-29 to 2022-05-28"
        );
        assert_eq!(period_text(&view, Lang::ZhTw), "111/04/29 至 111/05/28");
        assert!(is_current(AuthorizationState::Pending));
        assert!(!is_current(AuthorizationState::Cancelled));

        let next_month = AuthorizationView {
            id: 2,
            starts_on: d(2022, 5, 29),
            ends_on: d(2022, 6, 27),
            state: AuthorizationState::NotYetStarted,
            ..view.clone()
        };
        let cancelled = AuthorizationView {
            id: 3,
            state: AuthorizationState::Cancelled,
            ..view.clone()
        };
        let (current, history) =
            current_and_history(&[next_month.clone(), cancelled.clone(), view.clone()]);
        assert_eq!(current, vec![view, next_month], "the one in effect first");
        assert_eq!(history, vec![cancelled]);
    }
}
