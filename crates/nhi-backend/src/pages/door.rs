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
use axum::http::header::SET_COOKIE;
use axum::http::request::Parts;
use axum::http::{HeaderName, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;

use crate::crypto::session_token;
use crate::error::ApiError;
use crate::http::cookies::{cleared_cookie, cookie_value, session_cookie};
use crate::state::AppState;
use crate::store::StoreError;

/// One site's door.
pub struct Door {
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
