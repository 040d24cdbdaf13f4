//! Authorizing family members and caregivers (授權使用 / 取得授權).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// `POST /api/v1/authorizations`: the grantor ticked "agree to authorize".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateAuthorization {
    pub grantee_id: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// Required where the grantor has quick sign-in on: a stolen session token alone cannot
    /// give the card away.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<super::ActionApproval>,
}

/// The one-time offer: a 6-digit code and a QR, both valid 5 minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthorizationOffer {
    pub authorization_id: i64,
    pub code: String,
    pub qr_payload: String,
    pub expires_at: DateTime<Utc>,
}

/// `POST /api/v1/authorizations/redemptions`: the grantor's ID and the code, or the QR.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RedeemAuthorization {
    pub grantor_id: Option<String>,
    pub code: Option<String>,
    pub qr_payload: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuthorizationState {
    /// Offered, waiting for the grantee.
    Pending,
    /// The offer lapsed unredeemed.
    OfferExpired,
    NotYetStarted,
    Active,
    Ended,
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Party {
    pub id_number: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthorizationUse {
    pub used_at: DateTime<Utc>,
    pub institution: String,
    /// Allowed in the app for a video visit rather than scanned at the counter.
    #[serde(default)]
    pub video_visit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthorizationView {
    pub id: i64,
    pub grantor: Party,
    pub grantee: Party,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub state: AuthorizationState,
    /// Every use of the card under this authorization (shown to the grantor).
    pub uses: Vec<AuthorizationUse>,
}

/// `GET /api/v1/authorizations`: cards I may use, and people who may use mine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthorizationList {
    pub allowed: Vec<AuthorizationView>,
    pub granted: Vec<AuthorizationView>,
}
