//! Reviewer sign-in: a session cookie limited to `/review`. A session ends after 30 minutes
//! without a request, 8 hours after sign-in at most, or on "Sign out".

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;

use crate::auth::session_token;
use crate::http::cookies::{cleared_cookie, session_cookie};
use crate::state::AppState;

pub const COOKIE_NAME: &str = "nhi_review_session";
/// A reviewer session ends after this long without a request.
pub const REVIEWER_IDLE_TIMEOUT: Duration = Duration::minutes(30);
/// …and this long after sign-in, whatever happens.
pub const REVIEWER_MAX_AGE: Duration = Duration::hours(8);

const COOKIE_PATH: &str = "/review";

pub fn cookie(token: &str) -> String {
    session_cookie(COOKIE_NAME, COOKIE_PATH, token, REVIEWER_MAX_AGE)
}

pub fn clear_cookie() -> String {
    cleared_cookie(COOKIE_NAME, COOKIE_PATH)
}

/// A signed-in reviewer; others are sent to the reviewer login.
pub struct Reviewer {
    pub username: String,
    pub token_hash: [u8; 32],
}

impl FromRequestParts<AppState> for Reviewer {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let token = crate::http::cookies::cookie_value(parts, COOKIE_NAME);
        let to_login = || Redirect::to("/review/login").into_response();
        let token_hash = session_token::digest(&token.ok_or_else(to_login)?);
        let username = state
            .store
            .touch_reviewer_session(
                &token_hash,
                state.clock.now(),
                REVIEWER_IDLE_TIMEOUT,
                REVIEWER_MAX_AGE,
            )
            .await
            .ok()
            .flatten()
            .ok_or_else(to_login)?;
        Ok(Reviewer {
            username,
            token_hash,
        })
    }
}
