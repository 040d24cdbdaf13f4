//! Card applications, their images, and the reviewers who decide them.

use super::columns::{Column, OptionalColumn};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{PersonRecord, StoreError};
use nhi_core::domain::card_application::{ApplicationStatus, Channel, DocumentKind, RejectReason};
use nhi_core::domain::IdNumber;

#[derive(Debug, Clone)]
pub struct Upload {
    pub id: String,
    pub id_number: IdNumber,
    pub kind: String,
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub created_at: DateTime<Utc>,
    /// Who uploaded it for the person (`applied_by` of a staff application); none for the
    /// person themself.
    pub uploaded_by: Option<String>,
}

/// Who made an application, and the name the person is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedBy {
    pub channel: Channel,
    /// The institution code and professional card, or the staff account.
    pub who: String,
    /// The institution's or the division's name.
    pub name: String,
    /// The signed consent form's photo (a `consent_forms` id).
    pub consent_form: String,
}

#[derive(Debug, Clone)]
pub struct NewApplication {
    pub id_number: IdNumber,
    pub document_kind: DocumentKind,
    pub document_upload: String,
    pub photo_upload: String,
    pub contact_phone: String,
    pub email: String,
    pub submitted_at: DateTime<Utc>,
    /// Made by staff for the person; none when the person applied.
    pub applied_by: Option<AppliedBy>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Application {
    pub id: i64,
    #[sqlx(try_from = "Column<IdNumber>")]
    pub id_number: IdNumber,
    #[sqlx(try_from = "Column<ApplicationStatus>")]
    pub status: ApplicationStatus,
    #[sqlx(try_from = "Column<DocumentKind>")]
    pub document_kind: DocumentKind,
    pub document_upload: String,
    pub photo_upload: String,
    pub contact_phone: String,
    pub email: String,
    pub submitted_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    #[sqlx(try_from = "OptionalColumn<RejectReason>")]
    pub reject_reason: Option<RejectReason>,
    pub reject_note: Option<String>,
    pub reviewer: Option<String>,
    #[sqlx(try_from = "Column<Channel>")]
    pub channel: Channel,
    pub applied_by: Option<String>,
    pub applied_by_name: Option<String>,
    pub consent_form: Option<String>,
}

/// What a clinic's verification needs of the card a QR code shows, read at once.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CardAtCounter {
    #[sqlx(flatten)]
    pub holder: PersonRecord,
    #[sqlx(try_from = "Column<ApplicationStatus>")]
    pub status: ApplicationStatus,
    pub photo_upload: String,
    /// The counter's copy of the photo, once it was made.
    pub counter_photo: Option<Vec<u8>>,
}

/// A reviewer's decision.
#[derive(Debug, Clone)]
pub enum Decision {
    Approve,
    Reject {
        reason: RejectReason,
        note: Option<String>,
    },
}

#[async_trait]
pub trait Cards: Send + Sync + 'static {
    async fn insert_upload(&self, upload: &Upload) -> Result<(), StoreError>;
    /// The small copy of a photo shown at a clinic's counter, if it was made yet.
    async fn counter_photo(&self, upload_id: &str) -> Result<Option<Vec<u8>>, StoreError>;
    /// Keeps the counter's copy of a photo; when two are made at once, the first one stays.
    async fn keep_counter_photo(&self, upload_id: &str, jpeg: &[u8]) -> Result<(), StoreError>;
    async fn find_upload(&self, id: &str) -> Result<Option<Upload>, StoreError>;

    /// Files a new application; one still under review for the same person is superseded.
    /// Returns the new application's number.
    async fn submit_application(&self, application: &NewApplication) -> Result<i64, StoreError>;
    /// Files a staff application (專案申請) only if — checked in the same write, under the
    /// person's lock — the person has no application under review and no approved card;
    /// otherwise `Err` with that application's status, and nothing is filed.
    async fn submit_staff_application(
        &self,
        application: &NewApplication,
    ) -> Result<Result<i64, ApplicationStatus>, StoreError>;
    /// The person's newest application that is not superseded.
    async fn current_application(&self, id: &IdNumber) -> Result<Option<Application>, StoreError>;
    async fn find_application(&self, number: i64) -> Result<Option<Application>, StoreError>;
    /// The application, its holder and the counter's photo, in one read.
    async fn card_at_counter(&self, number: i64) -> Result<Option<CardAtCounter>, StoreError>;
    /// The person's applications, newest first (the latest 50): their records.
    async fn applications_of(&self, id: &IdNumber) -> Result<Vec<Application>, StoreError>;
    /// Applications waiting for a decision, oldest first.
    async fn review_queue(&self) -> Result<Vec<Application>, StoreError>;
    /// Decides an application still under review; false if it was not (decided or replaced).
    async fn decide(
        &self,
        number: i64,
        decision: &Decision,
        reviewer: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// Cancels the person's card (the current approved or under-review application).
    async fn cancel_card(&self, id: &IdNumber, at: DateTime<Utc>) -> Result<bool, StoreError>;

    async fn insert_reviewer(
        &self,
        username: &str,
        name: &str,
        hash: &str,
    ) -> Result<(), StoreError>;
    /// (name, password hash) of a reviewer.
    async fn find_reviewer(&self, username: &str) -> Result<Option<(String, String)>, StoreError>;
}
