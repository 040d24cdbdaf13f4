//! Starting an app session: shared by the app's login and by the phone path, which signs the
//! person in. (The pages' sessions start at their doors: `pages::door`.)

use chrono::Duration;

use crate::crypto::session_token;
use crate::error::ApiError;
use crate::state::AppState;
use crate::store::{NewSession, PersonRecord, SessionKind};
use nhi_core::api::{LoginResponse, Person};

/// A login lasts at most this long; then the person signs in again.
pub const SESSION_LIFETIME: Duration = Duration::hours(2);

pub fn person_view(p: &PersonRecord) -> Person {
    Person {
        id_number: p.id_number.clone(),
        id_kind: p.id_number.kind(),
        name: p.name.clone(),
        birth_date: p.birth_date,
    }
}

/// An app session: only for a device the caller has just shown to be bound and active. The
/// token is given to the caller once.
pub async fn start_session(
    state: &AppState,
    person: &PersonRecord,
) -> Result<LoginResponse, ApiError> {
    let now = state.clock.now();
    let token = session_token::generate();
    let expires_at = now + SESSION_LIFETIME;
    let session = NewSession {
        kind: SessionKind::App,
        holder: person.id_number.as_str(),
        hpc_id: None,
        created_at: now,
        expires_at,
    };
    state
        .store
        .insert_session(&session_token::digest(&token), session)
        .await?;
    Ok(LoginResponse {
        token,
        expires_at,
        person: person_view(person),
    })
}
