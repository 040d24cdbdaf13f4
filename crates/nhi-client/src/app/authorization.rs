//! Authorizing family members and caregivers (授權使用 / 取得授權): what the lists show,
//! and the calls behind the screens. The forms are in `authorization_forms`.

use super::auth::Flows;
use super::display;
use super::session::Session;
use crate::client::ClientError;
use nhi_core::api::{
    AuthorizationList, AuthorizationOffer, AuthorizationState, AuthorizationView, CardQr,
    RedeemAuthorization,
};
use nhi_core::domain::authorization::QR_PREFIX;
use nhi_core::domain::quick_sign_in::SensitiveAction;
use nhi_core::i18n::Lang;

pub use super::authorization_forms::{
    AuthorizationError, AuthorizeForm, RedeemForm, DEFAULT_PERIOD_DAYS,
};

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
    nhi_core::tr!(lang, "authorization-period", from = from, to = to)
}

pub fn state_label(state: AuthorizationState, lang: Lang) -> String {
    match state {
        AuthorizationState::Pending => lang.t("authorization-waiting-accepted"),
        AuthorizationState::OfferExpired => lang.t("authorization-not-accepted-time"),
        AuthorizationState::NotYetStarted => lang.t("authorization-not-started-yet"),
        AuthorizationState::Active => lang.t("authorization-in-effect"),
        AuthorizationState::Ended => lang.t("authorization-ended"),
        AuthorizationState::Cancelled => lang.t("authorization-cancelled"),
    }
}

/// Why a delegate cannot show the card now, in one sentence that names the reason.
pub fn unusable_reason(state: AuthorizationState, lang: Lang) -> String {
    match state {
        AuthorizationState::Cancelled => lang.t("authorization-unusable-cancelled"),
        AuthorizationState::Ended => lang.t("authorization-unusable-ended"),
        AuthorizationState::NotYetStarted => lang.t("authorization-unusable-not-started"),
        AuthorizationState::Pending
        | AuthorizationState::OfferExpired
        | AuthorizationState::Active => lang.t("authorization-unusable-now"),
    }
}

impl Flows {
    /// Offers the authorization; where quick sign-in is on, confirmed with it first (the
    /// prompt shows `reason`).
    pub async fn authorize(
        &self,
        session: &Session,
        form: &AuthorizeForm,
        reason: &str,
    ) -> Result<AuthorizationOffer, AuthorizationError> {
        let today = nhi_core::domain::authorization::taiwan_date(self.clock().now());
        let mut request = form.validate(&session.person.id_number, today)?;
        let action = SensitiveAction::Authorize {
            grantee_id: request.grantee_id.clone(),
            starts_on: request.starts_on,
            ends_on: request.ends_on,
        };
        request.approval = self
            .confirm(session, &action, reason)
            .await
            .map_err(AuthorizationError::Confirm)?;
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
        let list = self.authorizations(session).await?;
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
        let list = self.authorizations(session).await?;
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
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods_read_naturally_in_both_languages() {
        let view = AuthorizationView {
            id: 1,
            grantor: nhi_core::api::Party {
                id_number: "H12****804".into(),
                name: "林清水".into(),
            },
            grantee: nhi_core::api::Party {
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
