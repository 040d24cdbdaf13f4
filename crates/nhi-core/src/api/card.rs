//! The Virtual NHI Card and applying for it (申辦).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::session::Person;
use crate::domain::card_application::{DocumentKind, RejectReason};

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
