//! Reviewer sign-in: a session cookie limited to `/review`, through the pages' one door
//! mechanism. A session ends after 30 minutes without a request, 8 hours after sign-in at
//! most, or on "Sign out".

use chrono::Duration;

use crate::pages::door::{Door, DoorSession};
use crate::state::AppState;
use crate::store::{SessionKind, StoreError};

/// A reviewer session ends after this long without a request.
pub const REVIEWER_IDLE_TIMEOUT: Duration = Duration::minutes(30);
/// …and this long after sign-in, whatever happens.
pub const REVIEWER_MAX_AGE: Duration = Duration::hours(8);

pub const DOOR: Door = Door {
    kind: SessionKind::Reviewer,
    cookie: "nhi_review_session",
    path: "/review",
    login_page: "/review/login",
    lifetime: REVIEWER_MAX_AGE,
    idle_timeout: Some(REVIEWER_IDLE_TIMEOUT),
};

/// A signed-in reviewer.
pub struct Reviewer {
    pub username: String,
    pub token_hash: [u8; 32],
}

impl DoorSession for Reviewer {
    const DOOR: &'static Door = &DOOR;

    /// Finding the session also moves its idle deadline on.
    async fn find(state: &AppState, token_hash: [u8; 32]) -> Result<Option<Self>, StoreError> {
        let session = DOOR.staff_session(state, &token_hash).await?;
        Ok(session.map(|session| Reviewer {
            username: session.holder,
            token_hash,
        }))
    }
}
