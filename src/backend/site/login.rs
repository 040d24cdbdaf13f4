//! Logging in to the website with ID and registration password.

use askama::Template;
use axum::extract::State;
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

use super::pages::render;
use super::site_session::{clear_cookie, set_cookie, SiteSession};
use crate::backend::auth::{password_hash, session_token};
use crate::backend::error::ApiError;
use crate::backend::state::AppState;
use crate::domain::login_throttle::{self, AfterFailure};
use crate::domain::IdNumber;

#[derive(Template)]
#[template(path = "site/login.html")]
struct LoginPage {
    signed_in: bool,
    id_number: String,
    error: Option<String>,
}

pub async fn form() -> Response {
    render(&LoginPage {
        signed_in: false,
        id_number: String::new(),
        error: None,
    })
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    id_number: String,
    #[serde(default)]
    password: String,
}

pub async fn submit(
    State(state): State<AppState>,
    Form(form): Form<LoginForm>,
) -> Result<Response, ApiError> {
    let again = |error: &str| {
        render(&LoginPage {
            signed_in: false,
            id_number: form.id_number.clone(),
            error: Some(error.to_owned()),
        })
    };
    let Ok(id) = IdNumber::parse(&form.id_number) else {
        return Ok(again("身分證號格式有誤 The ID number is not valid"));
    };
    let account = state.store.find_account(&id).await?;
    let now = state.clock.now();
    if let Some(until) = account.as_ref().and_then(|a| a.locked_until) {
        if until > now {
            let minutes = ((until - now).num_seconds().max(1) as u64).div_ceil(60);
            return Ok(again(&format!(
                "密碼錯誤次數過多，請於 {minutes} 分鐘後再試 Too many wrong passwords: try again in {minutes} minute(s)"
            )));
        }
    }
    let ok = password_hash::verify(
        form.password.clone(),
        account.as_ref().map(|a| a.password_hash.clone()),
    )
    .await?;
    let Some(account) = account.filter(|_| ok) else {
        if state.store.find_account(&id).await?.is_some() {
            let failures = state.store.record_login_failure(&id).await?;
            if let AfterFailure::Lock(d) = login_throttle::after_failure(failures) {
                state.store.lock_account(&id, now + d).await?;
            }
        }
        return Ok(again("身分證號或密碼錯誤 Wrong ID number or password"));
    };
    state.store.clear_login_failures(&id).await?;
    let token = session_token::generate();
    state
        .store
        .insert_session(
            &session_token::digest(&token),
            &account.person.id_number,
            now,
            now + crate::backend::auth::sessions::SESSION_LIFETIME,
        )
        .await?;
    Ok((
        StatusCode::SEE_OTHER,
        [(LOCATION, HeaderValue::from_static("/register/device-code"))],
        [set_cookie(&token)],
    )
        .into_response())
}

pub async fn logout(
    State(state): State<AppState>,
    session: SiteSession,
) -> Result<Response, ApiError> {
    state.store.delete_session(&session.token_hash).await?;
    Ok((
        StatusCode::SEE_OTHER,
        [(LOCATION, HeaderValue::from_static("/register"))],
        [clear_cookie()],
    )
        .into_response())
}
