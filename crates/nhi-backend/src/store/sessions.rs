//! Sessions of every door — the app's API, the registration website, the reviewer console and
//! the clinic counter — in one table with a kind. Only a token's SHA-256 is kept.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::columns::OptionalColumn;
use super::{PersonRecord, StoreError};
use nhi_core::domain::card_application::ApplicationStatus;

/// Which door a session opens: they never open each other's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionKind {
    /// The API, from an app login on a bound, active device.
    App,
    /// The registration website's pages.
    Site,
    /// The reviewer console's pages.
    Reviewer,
    /// The clinic counter's pages.
    Counter,
}

impl SessionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::App => "app",
            SessionKind::Site => "site",
            SessionKind::Reviewer => "reviewer",
            SessionKind::Counter => "counter",
        }
    }
}

/// A session to keep: whose it is, of which kind, and how long it lasts.
#[derive(Debug, Clone, Copy)]
pub struct NewSession<'a> {
    pub kind: SessionKind,
    /// A person's ID number (app, site), a reviewer's username, an institution's code
    /// (counter).
    pub holder: &'a str,
    /// The counter's only: the professional card that passed the three-card check.
    pub hpc_id: Option<&'a str>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// A person's session (app or website) with the person.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRecord {
    #[sqlx(flatten)]
    pub person: PersonRecord,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// An app session with its holder's current card (the latest application not superseded),
/// read in one statement: what a fresh card QR needs, and nothing more.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionWithCard {
    #[sqlx(flatten)]
    pub session: SessionRecord,
    pub application_id: Option<i64>,
    #[sqlx(try_from = "OptionalColumn<ApplicationStatus>")]
    pub application_status: Option<ApplicationStatus>,
}

/// A staff session (reviewer or counter), as kept.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffSessionRecord {
    pub holder: String,
    pub hpc_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

#[async_trait]
pub trait Sessions: Send + Sync + 'static {
    async fn insert_session(
        &self,
        token_hash: &[u8],
        session: NewSession<'_>,
    ) -> Result<(), StoreError>;
    /// A person's session of this kind with this token, live or not (the caller says what
    /// an expired one means); a token of another kind finds nothing.
    async fn find_person_session(
        &self,
        token_hash: &[u8],
        kind: SessionKind,
    ) -> Result<Option<SessionRecord>, StoreError>;
    /// The same for an app session, with the holder's current card read at once.
    async fn find_app_session_with_card(
        &self,
        token_hash: &[u8],
    ) -> Result<Option<SessionWithCard>, StoreError>;
    /// A staff session of this kind with this token that is still live at `now`.
    async fn find_staff_session(
        &self,
        token_hash: &[u8],
        kind: SessionKind,
        now: DateTime<Utc>,
    ) -> Result<Option<StaffSessionRecord>, StoreError>;
    /// Moves a session's end (a door with an idle time-out, on each request).
    async fn extend_session(
        &self,
        token_hash: &[u8],
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// Returns whether a session was there to delete.
    async fn delete_session(&self, token_hash: &[u8]) -> Result<bool, StoreError>;
    /// The sweep: every door's sessions that ended by `now`.
    async fn delete_sessions_expired_by(&self, now: DateTime<Utc>) -> Result<u64, StoreError>;
}
