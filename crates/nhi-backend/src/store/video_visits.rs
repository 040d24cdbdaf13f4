//! Video visit card requests: made by an institution, answered once by the person or a
//! delegate, cancelled by the institution, or left to expire.

use super::columns::{Column, OptionalColumn};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{QrUse, StoreError};
use nhi_core::domain::video_visit::VideoVisitState;
use nhi_core::domain::IdNumber;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VideoVisitRecord {
    /// Random, unguessable: the handle both sides use.
    pub id: String,
    pub institution_code: String,
    /// The institution's name, joined in on reads.
    #[sqlx(default)]
    pub institution_name: String,
    /// The patient, whose card is asked for.
    #[sqlx(try_from = "Column<IdNumber>")]
    pub id_number: IdNumber,
    pub department: String,
    pub scheduled_at: DateTime<Utc>,
    pub message: Option<String>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// Pending, allowed, declined or cancelled as recorded (`VideoVisitState::seen_at` adds
    /// expiry).
    #[sqlx(try_from = "Column<VideoVisitState>")]
    pub status: VideoVisitState,
    pub answered_at: Option<DateTime<Utc>>,
    /// Who answered: the patient, or a delegate under `authorization_id`.
    #[sqlx(try_from = "OptionalColumn<IdNumber>")]
    pub answered_by: Option<IdNumber>,
    pub authorization_id: Option<i64>,
    /// The use Allow recorded (`card_qr_uses.serial`); joined in on reads: the visit
    /// number it took and the card it used.
    pub use_serial: Option<Vec<u8>>,
    #[sqlx(default)]
    pub visit_number: Option<i64>,
    #[sqlx(default)]
    pub application_id: Option<i64>,
}

/// What creating a request did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    Now,
    /// The institution already has an open request for this person; nothing changed.
    AlreadyOpen,
}

/// What answering or cancelling did: the one caller that moved a pending request gets
/// `Now`; every other caller finds it as it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settled {
    Now,
    /// Not pending (any more) at `now`; nothing changed.
    NotPending,
    /// Allow only: the holder's visit numbers for the year are used up; nothing changed.
    VisitNumbersUsedUp,
    /// Allow only: the card or the delegate's authorization stopped being usable since it was
    /// checked; nothing changed.
    NoLongerUsable,
}

/// How a pending request is answered.
#[derive(Debug, Clone)]
pub struct Answer {
    pub by: IdNumber,
    pub authorization_id: Option<i64>,
    pub at: DateTime<Utc>,
}

#[async_trait]
pub trait VideoVisits: Send + Sync + 'static {
    /// Inserts the request unless the institution has an open (pending, unexpired) request
    /// for the person: checked and inserted under the person's lock, so two at once make one.
    async fn create_video_visit(&self, request: &VideoVisitRecord) -> Result<Created, StoreError>;
    async fn find_video_visit(&self, id: &str) -> Result<Option<VideoVisitRecord>, StoreError>;
    /// Requests for any of these persons created since `since`, newest first.
    async fn video_visits_for(
        &self,
        persons: &[IdNumber],
        since: DateTime<Utc>,
    ) -> Result<Vec<VideoVisitRecord>, StoreError>;
    /// The institution's requests created since `since`, newest first.
    async fn video_visits_of_institution(
        &self,
        institution_code: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<VideoVisitRecord>, StoreError>;
    /// Allows a pending request: marks it allowed and records the card's use with its visit
    /// number (`qr_use.serial` is the request's use serial), all in one transaction.
    async fn allow_video_visit(
        &self,
        id: &str,
        answer: &Answer,
        qr_use: &QrUse,
        year: i32,
        max_visits: u32,
    ) -> Result<Settled, StoreError>;
    async fn decline_video_visit(&self, id: &str, answer: &Answer) -> Result<Settled, StoreError>;
    /// Cancels a pending request of this institution.
    async fn cancel_video_visit(
        &self,
        id: &str,
        institution_code: &str,
        at: DateTime<Utc>,
    ) -> Result<Settled, StoreError>;
    /// Every use of the person's cards (theirs or by delegates), newest first, at most
    /// `limit`, with the visit number each took.
    async fn card_uses(&self, id: &IdNumber, limit: u32) -> Result<Vec<(QrUse, i64)>, StoreError>;
}
