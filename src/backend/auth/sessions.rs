//! Starting a session: shared by login and by the phone path, which signs the person in.

use chrono::Duration;

use super::session_token;
use crate::api::{LoginResponse, Person};
use crate::backend::error::ApiError;
use crate::backend::state::AppState;
use crate::backend::store::PersonRecord;

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

pub async fn start_session(
    state: &AppState,
    person: &PersonRecord,
) -> Result<LoginResponse, ApiError> {
    let now = state.clock.now();
    let token = session_token::generate();
    let expires_at = now + SESSION_LIFETIME;
    state
        .store
        .insert_session(
            &session_token::digest(&token),
            &person.id_number,
            now,
            expires_at,
        )
        .await?;
    Ok(LoginResponse {
        token,
        expires_at,
        person: person_view(person),
    })
}
