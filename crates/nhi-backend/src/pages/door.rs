//! One sign-in mechanism for the three sites served as pages — the registration website, the
//! reviewer console and the clinic counter. A [`Door`] names its cookie, the path the cookie
//! is limited to, the page that signs in, and how long a session lasts; a site's session type
//! says how its live session is found ([`DoorSession`]). The extractors [`SignedIn`] and
//! [`MaybeSignedIn`] do the rest the same way at every door: no cookie, or no live session,
//! is "signed out" (the login page, or `None`); a store that fails is its own answer (503
//! with Retry-After when busy), never "signed out" — a busy moment must not throw a clerk
//! or a reviewer out of their work.

use std::future::Future;

use axum::extract::FromRequestParts;
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;

use crate::crypto::session_token;
use crate::error::ApiError;
use crate::http::cookies::{cleared_cookie, cookie_value, session_cookie};
use crate::state::AppState;
use crate::store::{NewSession, SessionKind, StaffSessionRecord, StoreError};

/// One site's door.
pub struct Door {
    /// The kind its sessions are kept as: a door opens only its own.
    pub kind: SessionKind,
    /// The session cookie's name.
    pub cookie: &'static str,
    /// The cookie goes back only to pages under this path.
    pub path: &'static str,
    /// Where a page that needs a signed-in visitor sends the others.
    pub login_page: &'static str,
    /// A session ends this long after sign-in, whatever happens (the cookie's Max-Age too).
    pub lifetime: Duration,
    /// …and this long without a request, where the site says so.
    pub idle_timeout: Option<Duration>,
}

impl Door {
    /// A new session for `holder` (see [`NewSession`]); its token is returned once, for
    /// [`Door::set_cookie`]. With an idle time-out, the session ends that long from now unless
    /// a request moves it on.
    pub async fn open(
        &self,
        state: &AppState,
        holder: &str,
        hpc_id: Option<&str>,
    ) -> Result<String, StoreError> {
        let token = session_token::generate();
        let now = state.clock.now();
        let session = NewSession {
            kind: self.kind,
            holder,
            hpc_id,
            created_at: now,
            expires_at: now + self.idle_timeout.unwrap_or(self.lifetime),
        };
        state
            .store
            .insert_session(&session_token::digest(&token), session)
            .await?;
        Ok(token)
    }

    /// Ends the session on the server (signing out).
    pub async fn close(&self, state: &AppState, token_hash: &[u8; 32]) -> Result<(), StoreError> {
        state.store.delete_session(token_hash).await.map(drop)
    }

    /// A staff door's live session with this token. At a door with an idle time-out, each
    /// finding moves its end on by that much, never past the lifetime from sign-in.
    pub async fn staff_session(
        &self,
        state: &AppState,
        token_hash: &[u8; 32],
    ) -> Result<Option<StaffSessionRecord>, StoreError> {
        let now = state.clock.now();
        let found = state
            .store
            .find_staff_session(token_hash, self.kind, now)
            .await?;
        if let (Some(session), Some(idle)) = (&found, self.idle_timeout) {
            let end = (now + idle).min(session.created_at + self.lifetime);
            state.store.extend_session(token_hash, end).await?;
        }
        Ok(found)
    }

    /// After signing in: on to `to`, with the new session's cookie.
    pub fn enter(&self, token: &str, to: &'static str) -> Response {
        let go = (LOCATION, HeaderValue::from_static(to));
        (StatusCode::SEE_OTHER, [go, self.set_cookie(token)]).into_response()
    }

    /// After signing out: on to `to`, the cookie forgotten.
    pub fn leave(&self, to: &'static str) -> Response {
        let go = (LOCATION, HeaderValue::from_static(to));
        (StatusCode::SEE_OTHER, [go, self.clear_cookie()]).into_response()
    }

    /// The header that hands `token` to the browser for this door's pages.
    pub fn set_cookie(&self, token: &str) -> (HeaderName, HeaderValue) {
        let value = session_cookie(self.cookie, self.path, token, self.lifetime);
        (
            SET_COOKIE,
            HeaderValue::from_str(&value).expect("tokens are cookie-safe"),
        )
    }

    /// The header that makes the browser forget this door's cookie.
    pub fn clear_cookie(&self) -> (HeaderName, HeaderValue) {
        let value = cleared_cookie(self.cookie, self.path);
        (
            SET_COOKIE,
            HeaderValue::from_str(&value).expect("a constant cookie"),
        )
    }
}

/// A site's signed-in visitor, as its door finds them.
pub trait DoorSession: Sized + Send {
    const DOOR: &'static Door;

    /// The live session whose token has this digest, if there is one.
    fn find(
        state: &AppState,
        token_hash: [u8; 32],
    ) -> impl Future<Output = Result<Option<Self>, StoreError>> + Send;
}

async fn lookup<S: DoorSession>(parts: &Parts, state: &AppState) -> Result<Option<S>, Response> {
    let Some(token) = cookie_value(parts, S::DOOR.cookie) else {
        return Ok(None);
    };
    S::find(state, session_token::digest(&token))
        .await
        .map_err(|e| ApiError::from(e).into_response())
}

/// A page for signed-in visitors only: the others are sent to the door's login page.
pub struct SignedIn<S>(pub S);

impl<S: DoorSession> FromRequestParts<AppState> for SignedIn<S> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        match lookup::<S>(parts, state).await? {
            Some(session) => Ok(Self(session)),
            None => Err(Redirect::to(S::DOOR.login_page).into_response()),
        }
    }
}

/// A page that looks different when signed in.
pub struct MaybeSignedIn<S>(pub Option<S>);

impl<S: DoorSession> FromRequestParts<AppState> for MaybeSignedIn<S> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        lookup::<S>(parts, state).await.map(Self)
    }
}
