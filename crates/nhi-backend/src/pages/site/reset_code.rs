//! The SMS code of a forgotten password (for an account made by phone, without an e-mail
//! address): typed with the ID on its own page, through the one attempt limiter, it becomes
//! the new-password page's link (`forgot`).

use askama::Template;
use axum::extract::{ConnectInfo, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use std::net::SocketAddr;

use crate::crypto::server_key::Purpose;
use crate::crypto::session_token;
use crate::error::ApiError;
use crate::pages::{render, PageLang};
use crate::services::attempt_guard::{self, AfterFailure};
use crate::state::AppState;
use nhi_core::domain::attempt_limit::{RESET_CODE_PER_CLIENT, RESET_CODE_PER_ID};
use nhi_core::domain::{IdNumber, Secret};
use nhi_core::i18n::Msg;

#[derive(Template)]
#[template(path = "site/reset_code.html")]
struct ResetCodePage {
    page: PageLang,
    signed_in: bool,
    id_number: String,
    error: Option<String>,
}

pub async fn form(page: PageLang) -> Response {
    render(&ResetCodePage {
        page,
        signed_in: false,
        id_number: String::new(),
        error: None,
    })
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    id_number: String,
    #[serde(default)]
    code: Secret,
}

/// The SMS code, through the one attempt limiter (a 6-digit code falls to guessing
/// otherwise): right, it becomes the new-password page's link.
pub async fn redeem(
    page: PageLang,
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Form(form): Form<CodeForm>,
) -> Result<Response, ApiError> {
    let again = |page: PageLang, id_number: String, error: Msg| {
        let error = Some(error.text(page.lang));
        render(&ResetCodePage {
            page,
            signed_in: false,
            id_number,
            error,
        })
    };
    let Ok(id) = IdNumber::parse(&form.id_number) else {
        return Ok(again(page, form.id_number, Msg::new("site-id-invalid")));
    };
    let subjects = [
        (format!("reset-code:{id}"), RESET_CODE_PER_ID),
        (
            format!("reset-code-client:{}", peer.ip()),
            RESET_CODE_PER_CLIENT,
        ),
    ];
    let attempt = match attempt_guard::try_reserve(&state, &subjects).await? {
        Ok(attempt) => attempt,
        Err(lockout) => {
            let minutes = lockout.minutes();
            let error = Msg::new("site-too-many-checks").with("minutes", minutes);
            return Ok(again(page, form.id_number, error));
        }
    };
    let code = form.code.expose().trim().to_owned();
    let code_hash = state.key.keyed(Purpose::ResetCode, &code);
    let token = session_token::generate();
    let now = state.clock.now();
    let redeemed = state
        .store
        .redeem_reset_code(&id, &code_hash, &session_token::digest(&token), now)
        .await?;
    if !redeemed {
        let error = match attempt.failed().await? {
            AfterFailure::TriesLeft(left) => Msg::new("site-reset-code-wrong").with("left", left),
            AfterFailure::Locked(lockout) => {
                let minutes = lockout.minutes();
                Msg::new("site-too-many-checks").with("minutes", minutes)
            }
        };
        return Ok(again(page, form.id_number, error));
    }
    attempt.succeeded().await?;
    let to = format!("/register/reset?token={token}");
    Ok(Redirect::to(&to).into_response())
}
