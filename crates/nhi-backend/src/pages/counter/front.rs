//! The counter's front page as it opens, and "Sign out of the counter".

use axum::extract::State;
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::page::nothing_verified;
use super::session::{Clerk, CounterSession, DOOR};
use crate::error::ApiError;
use crate::pages::door::MaybeSignedIn;
use crate::pages::PageLang;
use crate::state::AppState;

pub(super) async fn show(
    page: PageLang,
    State(state): State<AppState>,
    MaybeSignedIn(session): MaybeSignedIn<CounterSession>,
) -> Result<Response, ApiError> {
    let clerk = Clerk::of(&state, session).await?;
    nothing_verified(page, &state, clerk.as_ref(), None).await
}

/// The session ends on the server, the cookie is cleared.
pub(super) async fn logout(
    State(state): State<AppState>,
    MaybeSignedIn(session): MaybeSignedIn<CounterSession>,
) -> Result<Response, ApiError> {
    if let Some(session) = session {
        state
            .store
            .delete_counter_session(&session.token_hash)
            .await?;
    }
    Ok((
        StatusCode::SEE_OTHER,
        [
            (LOCATION, HeaderValue::from_static("/counter")),
            DOOR.clear_cookie(),
        ],
    )
        .into_response())
}
