//! The website's own sign-in: a session token in an HttpOnly, Secure, SameSite=Strict cookie
//! (SameSite=Strict also keeps other sites from posting the forms on a person's behalf).

use axum::extract::FromRequestParts;
use axum::http::header::SET_COOKIE;
use axum::http::request::Parts;
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Redirect, Response};

use crate::auth::session_token;
use crate::auth::sessions::SESSION_LIFETIME;
use crate::http::cookies::{cleared_cookie, session_cookie};
use crate::state::AppState;
use crate::store::{SessionKind, SessionRecord};

pub const COOKIE_NAME: &str = "nhi_site_session";

const COOKIE_PATH: &str = "/register";

pub fn set_cookie(token: &str) -> (axum::http::HeaderName, HeaderValue) {
    let value = session_cookie(COOKIE_NAME, COOKIE_PATH, token, SESSION_LIFETIME);
    (
        SET_COOKIE,
        HeaderValue::from_str(&value).expect("tokens are cookie-safe"),
    )
}

pub fn clear_cookie() -> (axum::http::HeaderName, HeaderValue) {
    let value = cleared_cookie(COOKIE_NAME, COOKIE_PATH);
    (
        SET_COOKIE,
        HeaderValue::from_str(&value).expect("a constant cookie"),
    )
}

fn token_of(parts: &Parts) -> Option<String> {
    crate::http::cookies::cookie_value(parts, COOKIE_NAME)
}

/// A signed-in person on the website; pages that need one send others to the login page.
pub struct SiteSession {
    pub token_hash: [u8; 32],
    pub session: SessionRecord,
}

async fn lookup(parts: &Parts, state: &AppState) -> Option<SiteSession> {
    let token = token_of(parts)?;
    let token_hash = session_token::digest(&token);
    let session = state
        .store
        .find_session(&token_hash, SessionKind::Site)
        .await
        .ok()??;
    (session.expires_at > state.clock.now()).then_some(SiteSession {
        token_hash,
        session,
    })
}

impl FromRequestParts<AppState> for SiteSession {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        lookup(parts, state)
            .await
            .ok_or_else(|| Redirect::to("/register/login").into_response())
    }
}

/// For pages that look different when signed in.
pub struct OptionalSiteSession(pub Option<SiteSession>);

impl FromRequestParts<AppState> for OptionalSiteSession {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Self(lookup(parts, state).await))
    }
}
