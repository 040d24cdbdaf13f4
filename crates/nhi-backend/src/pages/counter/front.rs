//! The counter's front page as it opens, and "Sign out of the counter".

use axum::extract::State;
use axum::response::Response;

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
        DOOR.close(&state, &session.token_hash).await?;
    }
    Ok(DOOR.leave("/counter"))
}
