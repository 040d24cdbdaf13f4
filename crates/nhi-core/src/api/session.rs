//! Logging in and out, and who is signed in.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{IdKind, IdNumber, Secret};

/// `POST /api/v1/sessions`. The ID is sent as typed; the server checks it. Only a device
/// bound to the ID (and active) may sign in: it proves itself with its key.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    pub id_number: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub password: Secret,
    pub device_id: String,
    pub device_key: String,
}

/// The insured person behind an account, as the app shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Person {
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "A123456789"))]
    pub id_number: IdNumber,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub id_kind: IdKind,
    pub name: String,
    pub birth_date: NaiveDate,
}

/// `201 Created` answer to a login: a bearer token valid until `expires_at` (2 hours).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginResponse {
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub person: Person,
}

/// `GET /api/v1/me`: who the token belongs to and until when it is good.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub person: Person,
    pub session_expires_at: DateTime<Utc>,
}

/// `PUT /api/v1/me/password`: the signed-in person's new registration password, with the
/// current one. Every other session of the ID ends; this one stays.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePassword {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub current_password: Secret,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub new_password: Secret,
}
