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

/// A new app session: its token, given to the caller once, and what the store keeps of it.
pub struct NewAppSession {
    token: String,
    pub token_hash: [u8; 32],
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

impl NewAppSession {
    /// A new token for a login starting now, lasting [`SESSION_LIFETIME`].
    pub fn starting(state: &AppState) -> Self {
        let token = session_token::generate();
        let created_at = state.clock.now();
        Self {
            token_hash: session_token::digest(&token),
            token,
            created_at,
            expires_at: created_at + SESSION_LIFETIME,
        }
    }

    /// The record the store keeps, for `holder`.
    pub fn record<'a>(&self, holder: &'a str) -> NewSession<'a> {
        NewSession {
            kind: SessionKind::App,
            holder,
            hpc_id: None,
            created_at: self.created_at,
            expires_at: self.expires_at,
        }
    }

    /// The login's answer, with the token.
    pub fn answer(self, person: &PersonRecord) -> LoginResponse {
        LoginResponse {
            token: self.token,
            expires_at: self.expires_at,
            person: person_view(person),
        }
    }
}

/// An app session: only for a device the caller has just shown to be bound and active. The
/// token is given to the caller once.
pub async fn start_session(
    state: &AppState,
    person: &PersonRecord,
) -> Result<LoginResponse, ApiError> {
    let new = NewAppSession::starting(state);
    state
        .store
        .insert_session(&new.token_hash, new.record(person.id_number.as_str()))
        .await?;
    Ok(new.answer(person))
}
