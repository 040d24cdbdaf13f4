//! The Virtual NHI Card and applying for it (申辦).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::session::Person;
use crate::domain::card_application::{Channel, DocumentKind, RejectReason};

/// Where the person's card stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CardState {
    /// No card: apply.
    None,
    /// Under review (up to 7 working days); the photo-less card is usable meanwhile.
    UnderReview,
    /// Approved: the card shows the photo, which can no longer be changed.
    Approved,
    /// Rejected with a reason: apply again.
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationView {
    pub number: i64,
    pub submitted_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub reject_reason: Option<RejectReason>,
    pub reject_note: Option<String>,
    pub contact_phone: String,
    pub email: String,
    /// Who made it: the person, or staff on their behalf (專案申請).
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub channel: Channel,
    /// The institution or NHIA division that applied for the person, when staff did.
    pub applied_by: Option<String>,
    /// The approved photo's version, for `GET /card/photo?v=…`: one version is always the
    /// same photo (a new photo means a new application), so that address may be kept by the
    /// browser for good. Only on an approved card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo_version: Option<String>,
}

/// `GET /api/v1/card`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardView {
    pub state: CardState,
    pub person: Person,
    /// Which document's front an application needs from this person (age, ID type).
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub required_document: DocumentKind,
    pub application: Option<ApplicationView>,
}

/// `201` answer to an image upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UploadResponse {
    pub upload_id: String,
    pub width: u32,
    pub height: u32,
}

/// `POST /api/v1/card/applications`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubmitApplication {
    /// The person ticked "agree" to the privacy policy and the terms.
    pub accepted_terms: bool,
    pub document_upload: String,
    pub photo_upload: String,
    /// A mobile number, `09` and 8 digits or `+886 9…`; spaces, dashes and brackets allowed.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"^[ ()-]*(\+[ ()-]*8[ ()-]*8[ ()-]*6|0)[ ()-]*9([ ()-]*[0-9]){8}[ ()-]*$"
        )
    )]
    pub contact_phone: String,
    /// Something before an `@` and a dot after it.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^\s*[^@\s][^@]*@[\s\S]*\."))]
    pub email: String,
}

/// The person a staff application is for, as the staff member types it from the ID
/// document in hand: checked against the insurance records as a card reader is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffPersonCheck {
    pub id_number: String,
    pub name: String,
    pub birth_date: chrono::NaiveDate,
}

/// The answer to a good check: who the application will be for (the ID masked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffPersonChecked {
    pub masked_id: String,
    pub name: String,
}

/// `POST /api/v1/institution/card-applications` (專案申請): the person (checked again), their
/// consent and the photo of the signed form, the ID document and the photo uploaded for them,
/// and their contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffApplication {
    pub person: StaffPersonCheck,
    /// The person consented to this application (and signed the form photographed).
    pub consented: bool,
    pub consent_form_upload: String,
    pub document_upload: String,
    pub photo_upload: String,
    pub contact_phone: String,
    pub email: String,
}

/// A staff application filed: its number, for whom, and that the person was told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffApplicationFiled {
    pub number: i64,
    pub masked_id: String,
    pub name: String,
    pub submitted_at: DateTime<Utc>,
}

/// `POST /api/v1/counter-staff/sessions`: NHIA counter staff (臨櫃人員) sign in with their
/// staff account to apply for a person in the app (專案申請).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CounterStaffLogin {
    pub username: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub password: crate::domain::Secret,
}

/// A counter staff member's sign-in: the token for `X-Staff-Session` (30 minutes without a
/// request, 8 hours at most), and the name the person will be told.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CounterStaffSession {
    pub token: String,
    pub name: String,
}

/// Never prints the token.
impl std::fmt::Debug for CounterStaffSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CounterStaffSession")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// One of the person's card applications, for their records: when, how, by whom, and how
/// it ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationRecord {
    pub number: i64,
    pub submitted_at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub channel: Channel,
    /// The institution or NHIA division that applied for the person, when staff did.
    pub applied_by: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub status: crate::domain::card_application::ApplicationStatus,
    pub decided_at: Option<DateTime<Utc>>,
}
