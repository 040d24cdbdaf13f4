//! The family of the authorization tests: the adult (card holder) and the elderly parent
//! (grantee), both with cards, and the month-long authorization between them.

use chrono::NaiveDate;
use nhi_client::client::ClientError;
use nhi_core::api::{
    AuthorizationView, CreateAuthorization, LoginResponse, ProblemCode, RedeemAuthorization,
};

use super::{device, TestBackend, ADULT_ID};

pub const PARENT_ID: &str = "A223456781";

/// The problem code of a refused call.
pub fn problem_code(result: Result<impl std::fmt::Debug, ClientError>) -> ProblemCode {
    match result {
        Err(ClientError::Problem(p)) => p.code,
        other => panic!("expected a problem, got {other:?}"),
    }
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The parent binds device 2 by phone and is signed in.
pub async fn parent_login(t: &TestBackend) -> LoginResponse {
    t.bind_by_phone(PARENT_ID, "6781", "0922333444", "Mei#1946ok", &device(2))
        .await
        .session
        .expect("the phone path signs in")
}

/// The adult and the parent, both signed in with approved cards (as authorizations need).
pub async fn with_cards(t: &TestBackend) -> (LoginResponse, LoginResponse) {
    let adult = t.signed_in_adult().await;
    super::card::approved_card(t, &adult.token).await;
    let parent = parent_login(t).await;
    super::card::approved_card(t, &parent.token).await;
    (adult, parent)
}

/// 2026-11-23 to 2026-12-22: the test clock's today and 29 days on.
pub fn a_month(grantee: &str) -> CreateAuthorization {
    CreateAuthorization {
        grantee_id: grantee.into(),
        starts_on: day(2026, 11, 23),
        ends_on: day(2026, 12, 22),
        approval: None,
    }
}

pub fn by_code(grantor: &str, code: &str) -> RedeemAuthorization {
    RedeemAuthorization {
        grantor_id: Some(grantor.into()),
        code: Some(code.into()),
        qr_payload: None,
    }
}

/// The adult authorizes the parent for a month and the parent redeems the code.
pub async fn authorized_for_a_month(
    t: &TestBackend,
    adult: &str,
    parent: &str,
) -> AuthorizationView {
    let offer = t
        .client
        .authorize(adult, &a_month(PARENT_ID))
        .await
        .unwrap();
    t.client
        .redeem_authorization(parent, &by_code(ADULT_ID, &offer.code))
        .await
        .unwrap()
}
