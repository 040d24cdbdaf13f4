//! Quick sign-in (生物辨識輔助登入): challenges, the device keys that sign them, and the
//! sign-in itself. Keys and signatures travel as unpadded base64url: the key an uncompressed
//! SEC1 P-256 point, the signature DER-encoded ECDSA over SHA-256 of
//! `domain::quick_sign_in::signed_message` — or, from Windows Hello, which makes only RSA
//! keys, an RSA 2048 SubjectPublicKeyInfo and an RSASSA-PKCS1-v1_5 SHA-256 signature.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::quick_sign_in::Purpose;

/// `POST /api/v1/quick-sign-in/challenges`: a challenge for this ID and device. It is given
/// whether or not the ID has a key on the device, so the answer tells a stranger nothing.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChallengeRequest {
    pub id_number: String,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9_-]{16,64}$"))]
    pub device_id: String,
    pub purpose: Purpose,
}

/// A single-use challenge, good until `expires_at` (60 seconds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Challenge {
    pub challenge: String,
    pub expires_at: DateTime<Utc>,
}

/// `POST /api/v1/quick-sign-in/keys` (signed in): this device's new key for the signed-in
/// ID, with a signature over an `enrol` challenge proving the device holds it. A device has
/// one key per ID; enrolling again replaces it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolKey {
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9_-]{16,64}$"))]
    pub device_id: String,
    pub device_key: String,
    /// The device's name, for the list of keys ("Pixel 8"); its bound name when empty.
    #[cfg_attr(feature = "openapi", schema(max_length = 80))]
    pub label: String,
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^[A-Za-z0-9_-]+$", max_length = 400)
    )]
    pub public_key: String,
    pub challenge: String,
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^[A-Za-z0-9_-]+$", max_length = 400)
    )]
    pub signature: String,
}

/// One enrolled key, as 我的 and the website's device management list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuickSignInKey {
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9_-]{16,64}$"))]
    pub device_id: String,
    pub label: String,
    pub enrolled_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// `GET /api/v1/quick-sign-in/keys`: the signed-in ID's keys, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuickSignInKeys {
    pub keys: Vec<QuickSignInKey>,
}

/// `POST /api/v1/quick-sign-in/sessions`: signing in with a signature over a `sign_in`
/// challenge. The device proves itself with its device key as at a password login. The
/// answer is a login's (`LoginResponse`), a session of the usual 2 hours.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuickSignIn {
    pub id_number: String,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9_-]{16,64}$"))]
    pub device_id: String,
    pub device_key: String,
    pub challenge: String,
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^[A-Za-z0-9_-]+$", max_length = 400)
    )]
    pub signature: String,
}

/// The device a passkey ceremony is for, proving itself with its device key (the web
/// build's binding, kept in the browser): `POST /api/v1/quick-sign-in/passkeys/registrations`
/// (signed in) and, with the ID, `…/passkeys/authentications`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasskeyCeremonyRequest {
    /// The ID signing in (authentications); the signed-in one for registrations.
    #[serde(default)]
    pub id_number: Option<String>,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9_-]{16,64}$"))]
    pub device_id: String,
    pub device_key: String,
    /// For confirming a sensitive action instead of signing in: the action as
    /// `SensitiveAction::describe` words it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

/// A passkey ceremony begun: `options` go to `navigator.credentials.create()` or `.get()` as
/// their `publicKey` (binary fields as base64url); `challenge` names the ceremony when the
/// browser's answer comes back, once, within 60 seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasskeyCeremony {
    pub challenge: String,
    pub expires_at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub options: serde_json::Value,
}

/// `POST /api/v1/quick-sign-in/passkeys` (signed in): the browser's new credential
/// (`PublicKeyCredential` as JSON, binary fields base64url) for this device.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolPasskey {
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9_-]{16,64}$"))]
    pub device_id: String,
    pub device_key: String,
    /// The device's name, for the list of keys; its bound name when empty.
    #[cfg_attr(feature = "openapi", schema(max_length = 80))]
    pub label: String,
    pub challenge: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub credential: serde_json::Value,
}

/// `POST /api/v1/quick-sign-in/passkeys/sessions`: signing in with the browser's assertion.
/// The answer is a login's (`LoginResponse`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasskeySignIn {
    pub id_number: String,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9_-]{16,64}$"))]
    pub device_id: String,
    pub device_key: String,
    pub challenge: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub credential: serde_json::Value,
}

/// A sensitive action confirmed with quick sign-in (where it is on, the action needs it):
/// a challenge with the `action` purpose signed by this device's key over
/// `domain::quick_sign_in::action_message` — or, in the web build, a passkey ceremony begun
/// for the action and the browser's assertion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionApproval {
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9_-]{16,64}$"))]
    pub device_id: String,
    pub challenge: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub passkey: Option<serde_json::Value>,
}
