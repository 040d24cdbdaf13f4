//! The website's own sign-in: a session token in an HttpOnly, Secure, SameSite=Strict cookie
//! limited to `/register` (SameSite=Strict also keeps other sites from posting the forms on
//! a person's behalf), through the pages' one door mechanism.

use crate::auth::sessions::SESSION_LIFETIME;
use crate::pages::door::{Door, DoorSession};
use crate::state::AppState;
use crate::store::{SessionKind, SessionRecord, StoreError};

pub const DOOR: Door = Door {
    kind: SessionKind::Site,
    cookie: "nhi_site_session",
    path: "/register",
    login_page: "/register/login",
    lifetime: SESSION_LIFETIME,
    idle_timeout: None,
};

/// A signed-in person on the website.
pub struct SiteSession {
    pub token_hash: [u8; 32],
    pub session: SessionRecord,
}

impl DoorSession for SiteSession {
    const DOOR: &'static Door = &DOOR;

    async fn find(state: &AppState, token_hash: [u8; 32]) -> Result<Option<Self>, StoreError> {
        let session = live_person_session(state, &token_hash).await?;
        Ok(session.map(|session| SiteSession {
            token_hash,
            session,
        }))
    }
}

/// The person's live website session with this token (the registration website's and the
/// certificate path's doors keep theirs alike).
pub(crate) async fn live_person_session(
    state: &AppState,
    token_hash: &[u8; 32],
) -> Result<Option<SessionRecord>, StoreError> {
    let session = state
        .store
        .find_person_session(token_hash, SessionKind::Site)
        .await?;
    Ok(session.filter(|s| s.expires_at > state.clock.now()))
}
