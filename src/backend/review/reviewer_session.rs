//! Reviewer sign-in: a session cookie limited to `/review`.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use crate::backend::auth::session_token;
use crate::backend::state::AppState;

pub const COOKIE_NAME: &str = "nhi_review_session";

pub fn cookie(token: &str) -> String {
    format!("{COOKIE_NAME}={token}; Path=/review; HttpOnly; Secure; SameSite=Strict; Max-Age=28800")
}

/// A signed-in reviewer; others are sent to the reviewer login.
pub struct Reviewer(pub String);

impl FromRequestParts<AppState> for Reviewer {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let token = crate::backend::cookies::cookie_value(parts, COOKIE_NAME);
        let to_login = || Redirect::to("/review/login").into_response();
        let token = token.ok_or_else(to_login)?;
        let username = state
            .store
            .reviewer_session(&session_token::digest(&token), state.clock.now())
            .await
            .ok()
            .flatten()
            .ok_or_else(to_login)?;
        Ok(Reviewer(username))
    }
}
