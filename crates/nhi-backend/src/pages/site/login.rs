//! Logging in to the website with ID and registration password.

use askama::Template;
use axum::extract::{ConnectInfo, State};
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use std::net::SocketAddr;

use super::site_session::{SiteSession, DOOR};
use crate::auth::password_login;
use crate::error::ApiError;
use crate::pages::door::SignedIn;
use crate::pages::render;
use crate::pages::PageLang;
use crate::state::AppState;
use nhi_core::domain::{IdNumber, Secret};
use nhi_core::tr;

#[derive(Template)]
#[template(path = "site/login.html")]
struct LoginPage {
    page: PageLang,
    signed_in: bool,
    id_number: String,
    error: Option<String>,
}

pub async fn form(page: PageLang) -> Response {
    render(&LoginPage {
        page,
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
    password: Secret,
}

pub async fn submit(
    page: PageLang,
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Form(form): Form<LoginForm>,
) -> Result<Response, ApiError> {
    let again = |error: String| {
        render(&LoginPage {
            page: page.clone(),
            signed_in: false,
            id_number: form.id_number.clone(),
            error: Some(error),
        })
    };
    let Ok(id) = IdNumber::parse(&form.id_number) else {
        return Ok(again(page.t("site-id-not-valid")));
    };
    // The same check, limit and slow-down as the app's login.
    let account = match password_login::check(&state, &id, form.password, peer.ip()).await {
        Ok(account) => account,
        Err(ApiError::AccountLocked { minutes, .. }) => {
            return Ok(again(tr!(page.lang, "site-locked", minutes = minutes)))
        }
        Err(ApiError::WrongCredentials { .. }) => {
            return Ok(again(page.t("site-wrong-credentials")))
        }
        Err(other) => return Err(other),
    };
    let token = DOOR
        .open(&state, account.person.id_number.as_str(), None)
        .await?;
    Ok(DOOR.enter(&token, "/register/device-code"))
}

pub async fn logout(
    State(state): State<AppState>,
    SignedIn(session): SignedIn<SiteSession>,
) -> Result<Response, ApiError> {
    DOOR.close(&state, &session.token_hash).await?;
    Ok(DOOR.leave("/register"))
}
