//! The clerk's sign-in at the counter: after the three-card check passes, a session cookie
//! limited to `/counter` keeps the counter signed in for a shift, through the pages' one
//! door mechanism. The session records who passed the check, never the SAM key or the PIN.

use chrono::Duration;

use crate::pages::door::{Door, DoorSession};
use crate::state::AppState;
use crate::store::StoreError;

/// A counter session lasts a shift at most.
pub const SHIFT: Duration = Duration::hours(8);

pub const DOOR: Door = Door {
    cookie: "nhi_counter_session",
    path: "/counter",
    // The counter's front page is its own sign-in: the cards are typed there.
    login_page: "/counter",
    lifetime: SHIFT,
    idle_timeout: None,
};

/// Who passed the three-card check at this counter.
pub struct CounterSession {
    pub token_hash: [u8; 32],
    pub institution_code: String,
    pub hpc_id: String,
}

impl DoorSession for CounterSession {
    const DOOR: &'static Door = &DOOR;

    async fn find(state: &AppState, token_hash: [u8; 32]) -> Result<Option<Self>, StoreError> {
        let found = state
            .store
            .counter_session(&token_hash, state.clock.now())
            .await?;
        Ok(found.map(|(institution_code, hpc_id)| CounterSession {
            token_hash,
            institution_code,
            hpc_id,
        }))
    }
}
