//! The `Authorization: Bearer` extractor: a handler that takes a [`CurrentSession`] only
//! runs for a live app session. The website's and the consoles' sessions never open the API.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use crate::crypto::session_token;
use crate::error::ApiError;
use crate::state::AppState;
use crate::store::{SessionKind, SessionRecord};
use nhi_core::domain::card_application::ApplicationStatus;

pub struct CurrentSession {
    pub token_hash: [u8; 32],
    pub session: SessionRecord,
}

impl FromRequestParts<AppState> for CurrentSession {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token_hash = bearer_hash(parts)?;
        let session = state
            .store
            .find_person_session(&token_hash, SessionKind::App)
            .await?;
        let session = live(state, &token_hash, session).await?;
        Ok(Self {
            token_hash,
            session,
        })
    }
}

/// The same session with the holder's current card read in the same statement: for the
/// busiest request, a fresh card QR, which needs both and nothing else before it answers.
pub struct CurrentSessionWithCard {
    pub session: SessionRecord,
    /// The holder's latest application not superseded: its id and status.
    pub card: Option<(i64, ApplicationStatus)>,
}

impl FromRequestParts<AppState> for CurrentSessionWithCard {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token_hash = bearer_hash(parts)?;
        let found = state.store.find_app_session_with_card(&token_hash).await?;
        let (session, card) = match found {
            Some(s) => (Some(s.session), s.application_id.zip(s.application_status)),
            None => (None, None),
        };
        Ok(Self {
            session: live(state, &token_hash, session).await?,
            card,
        })
    }
}

/// The hash of the request's bearer token, as sessions are kept.
fn bearer_hash(parts: &Parts) -> Result<[u8; 32], ApiError> {
    let token = parts
        .headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or(ApiError::Unauthenticated)?;
    Ok(session_token::digest(token.trim()))
}

/// The session found for the token when it is still live; an expired one is removed.
async fn live(
    state: &AppState,
    token_hash: &[u8; 32],
    session: Option<SessionRecord>,
) -> Result<SessionRecord, ApiError> {
    let session = session.ok_or(ApiError::Unauthenticated)?;
    if session.expires_at <= state.clock.now() {
        state.store.delete_session(token_hash).await?;
        return Err(ApiError::SessionExpired);
    }
    Ok(session)
}
