//! The certificate sign-in: its own cookie, limited to `/personal`, for 20 minutes. It is kept
//! as a website session of the person (the certificate proves more than a password does).

use chrono::Duration;

use crate::pages::door::{Door, DoorSession};
use crate::pages::site::site_session::live_person_session;
use crate::state::AppState;
use crate::store::{PersonRecord, SessionKind, StoreError};

pub const DOOR: Door = Door {
    kind: SessionKind::Site,
    cookie: "nhi_personal_session",
    path: "/personal",
    login_page: "/personal",
    lifetime: Duration::minutes(20),
    idle_timeout: None,
};

/// A person signed in with their citizen certificate.
pub struct CertificateSession {
    pub token_hash: [u8; 32],
    pub person: PersonRecord,
}

impl DoorSession for CertificateSession {
    const DOOR: &'static Door = &DOOR;

    async fn find(state: &AppState, token_hash: [u8; 32]) -> Result<Option<Self>, StoreError> {
        let session = live_person_session(state, &token_hash).await?;
        Ok(session.map(|s| CertificateSession {
            token_hash,
            person: s.person,
        }))
    }
}

impl CertificateSession {
    /// Whether the person has a mobile device account (the registration website's account).
    pub async fn has_account(&self, state: &AppState) -> Result<bool, StoreError> {
        Ok(state
            .store
            .find_account(&self.person.id_number)
            .await?
            .is_some())
    }
}
