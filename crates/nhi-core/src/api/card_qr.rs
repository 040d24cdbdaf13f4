//! The card's QR code (app side) and the institution side's verification.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// `POST /api/v1/card/qr`: a fresh one-time code. `qr_id` is a public handle the app polls;
/// the secret token is only inside `payload`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardQr {
    pub qr_id: String,
    pub payload: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum QrState {
    Active,
    Used,
    Expired,
    /// A delegate's code whose authorization was cancelled or has ended: it works no more.
    Revoked,
}

/// `GET /api/v1/card/qr/{qr_id}`: whether the code was used, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QrStatus {
    pub state: QrState,
    pub used_at: Option<DateTime<Utc>>,
    pub institution: Option<String>,
}

/// `POST /api/v1/institution/verifications`: what the clinic's scanner read.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerifyRequest {
    pub qr_payload: String,
}

/// The holder's identity as the physical card's basic data carries it — never medical data —
/// and the visit sequence number for this visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Verification {
    pub card_number: String,
    pub name: String,
    pub id_number: String,
    pub birth_date: NaiveDate,
    /// `yyyMMdd` in the ROC calendar, as HIS fields carry it.
    pub birth_date_roc: String,
    pub sex: String,
    pub card_issue_date: NaiveDate,
    pub voided: bool,
    /// The approved photo (JPEG, base64), or none: then the clerk checks an ID document.
    #[serde(serialize_with = "super::base64_text::serialize")]
    pub photo_jpeg_base64: Option<String>,
    pub photo_less: bool,
    pub presented_by_delegate: bool,
    /// Who presented the card under an authorization (ID masked), so the clerk can ask.
    pub delegate: Option<crate::api::Party>,
    /// `V001`…, counted apart from the physical card's sequence.
    pub visit_sequence: String,
    pub institution: String,
    pub verified_at: DateTime<Utc>,
}

/// A medical institution, in the public list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Institution {
    pub code: String,
    pub name: String,
    pub area: String,
    pub address: String,
    pub departments: Vec<String>,
    pub accepts_virtual_card: bool,
    /// The departments that take the virtual card: acceptance may vary from department to
    /// department within one institution (FAQ 5).
    pub accepting_departments: Vec<String>,
}
