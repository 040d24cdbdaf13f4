//! Device authentication (裝置認證): binding this device to an ID, by phone or by code.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::session::LoginResponse;
use crate::domain::Secret;

/// Which device is asking. The ID is random per installation, made by the app; the label
/// is what the registration website's device list shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceInfo {
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9_-]{16,64}$"))]
    pub device_id: String,
    /// 1–80 characters, not only spaces. (The pattern names U+0085 beside `\s`: the backend
    /// counts it as a space, as Rust does, and a JSON Schema regex's `\s` does not.)
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "[^\\s\\u0085]", max_length = 80)
    )]
    pub label: String,
}

/// `POST /api/v1/device-bindings/phone-checks`: the phone path's first step; the backend
/// asks the telecom registry whether the number is a monthly contract in the person's name.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PhoneCheckRequest {
    pub id_number: String,
    pub card_last4: String,
    pub mobile: String,
    /// The version of the User Terms and Conditions and Personal Privacy Statement the person
    /// agreed to (`domain::consent::APP_TERMS_VERSION`); without it, `terms_not_accepted`.
    #[serde(default)]
    pub terms_version: Option<String>,
}

/// The telecom confirmed the number: `ticket` lets the app set the password (10 minutes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PhoneCheckResponse {
    pub ticket: String,
    pub expires_at: DateTime<Utc>,
    pub carrier: String,
}

/// How the device proves whose it is.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "via", rename_all = "snake_case")]
pub enum BindingProof {
    /// After a phone check: its ticket, and the registration password to set.
    Phone {
        ticket: String,
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        password: Secret,
    },
    /// The 8-character code produced on the registration website, as shown.
    DeviceCode { code: String },
}

/// `POST /api/v1/device-bindings`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BindRequest {
    pub device: DeviceInfo,
    pub proof: BindingProof,
}

/// `201 Created`: the device is bound and active for this ID. `device_key` is shown once and
/// kept only in the device's secure store. The phone path also signs the person in.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BindResponse {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub id_number: crate::domain::IdNumber,
    pub name: String,
    pub device_key: String,
    pub session: Option<LoginResponse>,
}

/// `POST /api/v1/qr-scans` answer: the texts of the QR codes found in the uploaded image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QrScanResponse {
    pub texts: Vec<String>,
}
