//! Video visits: the institution requests the card remotely, the person (or a delegate)
//! allows or declines in the app, and Allow gives the clinic what a scanned QR gives.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Party, Verification};

/// `POST /api/v1/institution/video-visits`: a card request for a scheduled video visit. No
/// medical data: who, when, which department, and an optional one-line note.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateVideoVisit {
    /// The patient's ID number.
    pub id_number: String,
    pub scheduled_at: DateTime<Utc>,
    /// One of the institution's departments, as listed in `GET /institutions`.
    pub department: String,
    /// At most 100 characters on one line ("Dr. Lin will call on LINE").
    #[serde(default)]
    pub message: Option<String>,
}

/// Where a request stands, as both sides see it (the domain's one enum).
pub use crate::domain::video_visit::VideoVisitState;

/// The institution's view: `GET /api/v1/institution/video-visits/{request_id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VideoVisitStatus {
    pub request_id: String,
    /// The patient's ID as the institution typed it, masked.
    pub patient_id: String,
    /// The patient's name: only once the patient (or a delegate) allowed the request. Until
    /// then nothing tells the institution who holds a card, or whether anyone does.
    pub patient_name: Option<String>,
    pub department: String,
    pub scheduled_at: DateTime<Utc>,
    pub message: Option<String>,
    pub state: VideoVisitState,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
    /// Who allowed for the patient under an authorization (ID masked), if not the patient;
    /// a decline names nobody.
    pub answered_by_delegate: Option<Party>,
    /// Once allowed: the same answer a scanned QR gives, the same every time it is read.
    pub verification: Option<Verification>,
}

/// A request as the app shows it: `GET /api/v1/card/video-visits`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VideoVisitRequest {
    pub request_id: String,
    pub institution_code: String,
    pub institution_name: String,
    pub department: String,
    pub scheduled_at: DateTime<Utc>,
    pub message: Option<String>,
    pub state: VideoVisitState,
    pub expires_at: DateTime<Utc>,
    /// Whose card is asked for: the signed-in person's, or (when `for_holder`) that of
    /// someone who authorized them.
    pub holder: Party,
    pub for_holder: bool,
    /// Who answered, once answered (ID masked).
    pub answered_by: Option<Party>,
    /// After Allow: the visit sequence number the clinic got (`V…`).
    pub visit_sequence: Option<String>,
}

/// `POST /api/v1/card/video-visits/{request_id}/answer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VideoVisitAnswer {
    Allow,
    Decline,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerVideoVisit {
    pub answer: VideoVisitAnswer,
    /// Required to allow where the card holder has quick sign-in on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<super::ActionApproval>,
}

/// One use of the card, scanned at a counter or allowed for a video visit:
/// `GET /api/v1/card/uses`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardUse {
    pub used_at: DateTime<Utc>,
    pub institution: String,
    pub visit_sequence: String,
    /// Allowed in the app for a video visit rather than scanned.
    pub video_visit: bool,
    /// Who used the card under an authorization (ID masked).
    pub delegate: Option<Party>,
}
