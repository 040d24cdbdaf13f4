//! The `Authorization: Bearer` extractor: a handler that takes a [`CurrentSession`] only
//! runs for a live app session. The website's and the consoles' sessions never open the API.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use crate::crypto::session_token;
use crate::error::ApiError;
use crate::state::AppState;
use crate::store::{SessionKind, SessionRecord};

pub struct CurrentSession {
    pub token_hash: [u8; 32],
    pub session: SessionRecord,
}

impl FromRequestParts<AppState> for CurrentSession {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(ApiError::Unauthenticated)?;
        let token_hash = session_token::digest(token.trim());
        let session = state
            .store
            .find_person_session(&token_hash, SessionKind::App)
            .await?
            .ok_or(ApiError::Unauthenticated)?;
        if session.expires_at <= state.clock.now() {
            state.store.delete_session(&token_hash).await?;
            return Err(ApiError::SessionExpired);
        }
        Ok(Self {
            token_hash,
            session,
        })
    }
}
