//! 註冊密碼變更 — a signed-in person changes the registration password: the current one
//! (checked through the login's one attempt limit), the new one twice. Every other session of
//! the ID ends; this one stays. A notice mail follows.

use askama::Template;
use axum::extract::{ConnectInfo, State};
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use std::net::SocketAddr;

use super::pages::MessagePage;
use super::site_session::SiteSession;
use crate::error::ApiError;
use crate::pages::door::SignedIn;
use crate::pages::{render, PageLang};
use crate::services::password_change;
use crate::state::AppState;
use nhi_core::domain::Secret;
use nhi_core::tr;

#[derive(Template)]
#[template(path = "site/change_password.html")]
struct ChangePasswordPage {
    page: PageLang,
    signed_in: bool,
    errors: Vec<String>,
}

pub async fn form(page: PageLang, _signed_in: SignedIn<SiteSession>) -> Response {
    render(&ChangePasswordPage {
        page,
        signed_in: true,
        errors: Vec::new(),
    })
}

#[derive(Deserialize)]
pub struct ChangePasswordForm {
    #[serde(default)]
    current_password: Secret,
    #[serde(default)]
    password: Secret,
    #[serde(default)]
    password_confirm: Secret,
}

pub async fn submit(
    page: PageLang,
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    SignedIn(session): SignedIn<SiteSession>,
    Form(form): Form<ChangePasswordForm>,
) -> Result<Response, ApiError> {
    let again = |page: PageLang, error: String| {
        render(&ChangePasswordPage {
            page,
            signed_in: true,
            errors: vec![error],
        })
    };
    if form.password != form.password_confirm {
        return Ok(again(page.clone(), page.t("site-passwords-differ")));
    }
    let id = &session.session.person.id_number;
    let changed = password_change::change(
        &state,
        id,
        &session.token_hash,
        form.current_password,
        form.password,
        peer.ip(),
        page.lang,
    )
    .await;
    let error = match changed {
        Ok(()) => {
            return Ok(render(&MessagePage::info(
                &page,
                "site-password-changed",
                page.t("site-password-changed-detail"),
                ("/register/device-code", "site-device-verification"),
            )))
        }
        Err(ApiError::Refused(_)) => page.t("site-password-not-allowed"),
        Err(ApiError::WrongCredentials { attempts_left }) => tr!(
            page.lang,
            "site-current-password-wrong",
            left = attempts_left.unwrap_or(0)
        ),
        Err(ApiError::AccountLocked { minutes, .. }) => {
            tr!(page.lang, "site-locked", minutes = minutes)
        }
        Err(other) => return Err(other),
    };
    Ok(again(page, error))
}
