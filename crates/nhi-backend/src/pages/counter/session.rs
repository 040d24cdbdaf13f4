//! The clerk's sign-in at the counter: after the three-card check passes, a session cookie
//! limited to `/counter` keeps the counter signed in for a shift, through the pages' one
//! door mechanism. The session records who passed the check, never the SAM key or the PIN.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;

use crate::error::ApiError;
use crate::pages::door::{Door, DoorSession, SignedIn};
use crate::pages::PageLang;
use crate::services::institution_cards::{blocked, professional_card_blocked};
use crate::state::AppState;
use crate::store::{InstitutionRecord, SessionKind, StoreError};
use nhi_core::tr;

/// A counter session lasts a shift at most.
pub(super) const SHIFT: Duration = Duration::hours(8);

pub(super) const DOOR: Door = Door {
    kind: SessionKind::Counter,
    cookie: "nhi_counter_session",
    path: "/counter",
    // The counter's front page is its own sign-in: the cards are typed there.
    login_page: "/counter",
    lifetime: SHIFT,
    idle_timeout: None,
};

/// Who passed the three-card check at this counter.
pub(super) struct CounterSession {
    pub token_hash: [u8; 32],
    pub institution_code: String,
    pub hpc_id: String,
}

impl DoorSession for CounterSession {
    const DOOR: &'static Door = &DOOR;

    async fn find(state: &AppState, token_hash: [u8; 32]) -> Result<Option<Self>, StoreError> {
        let session = DOOR.staff_session(state, &token_hash).await?;
        Ok(session.and_then(|session| {
            Some(CounterSession {
                token_hash,
                institution_code: session.holder,
                hpc_id: session.hpc_id?,
            })
        }))
    }
}

/// Who is at the counter: the institution and the professional card that passed the
/// three-card check.
#[derive(Clone)]
pub(super) struct Clerk {
    pub(super) institution: InstitutionRecord,
    pub(super) hpc_id: String,
}

impl Clerk {
    /// The counter signed in with this session, if it still is.
    pub(super) async fn of(
        state: &AppState,
        session: Option<CounterSession>,
    ) -> Result<Option<Self>, ApiError> {
        let Some(session) = session else {
            return Ok(None);
        };
        Ok(state
            .store
            .find_institution(&session.institution_code)
            .await?
            .map(|institution| Clerk {
                institution,
                hpc_id: session.hpc_id,
            }))
    }

    /// "Signed in: institution (professional card)".
    pub(super) fn line(&self, page: &PageLang) -> String {
        tr!(
            page.lang,
            "counter-signed-in-as",
            institution = self.institution.name.as_str(),
            card = self.hpc_id.as_str()
        )
    }
}

/// The pages past the front page need a signed-in counter: one that is not is sent to the
/// front page to put its cards in; a blocked professional card stops it.
impl FromRequestParts<AppState> for Clerk {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        // Not signed in: the door sends the clerk to its login page (the front page).
        let SignedIn(session) =
            SignedIn::<CounterSession>::from_request_parts(parts, state).await?;
        let Some(clerk) = Clerk::of(state, Some(session))
            .await
            .map_err(IntoResponse::into_response)?
        else {
            // A session whose institution is gone is no sign-in.
            return Err(Redirect::to(DOOR.login_page).into_response());
        };
        match professional_card_blocked(state, &clerk.hpc_id).await {
            Ok(false) => Ok(clerk),
            Ok(true) => Err(blocked().into_response()),
            Err(error) => Err(error.into_response()),
        }
    }
}
