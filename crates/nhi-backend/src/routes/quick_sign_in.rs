//! Quick sign-in (生物辨識輔助登入): challenges, the signed-in person's keys, and signing in
//! with a signature — a device's own key, or a passkey in the web build. The flows are
//! `auth::quick_sign_in` and `auth::passkeys`.

use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::Json;
use std::net::SocketAddr;

use crate::auth::{passkeys, quick_sign_in, CurrentSession};
use crate::error::{ApiError, ApiJson};
use crate::pages::PageLang;
use crate::state::AppState;
use nhi_core::api::{
    Challenge, ChallengeRequest, EnrolKey, EnrolPasskey, LoginResponse, PasskeyCeremony,
    PasskeyCeremonyRequest, PasskeySignIn, Problem, QuickSignIn, QuickSignInKey, QuickSignInKeys,
};

/// A single-use challenge (60 seconds) for an ID, a device and a purpose — for any
/// well-formed ID, so the answer tells nothing of who enrolled.
#[utoipa::path(post, path = "/quick-sign-in/challenges", request_body = ChallengeRequest,
    responses(
        (status = 201, body = Challenge),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "invalid_request (device_id)"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "invalid_id_number"),
        (status = 429, body = Problem, content_type = "application/problem+json", description = "too_many_attempts (challenges per client address)"),
    ))]
pub async fn challenge(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiJson(request): ApiJson<ChallengeRequest>,
) -> Result<(StatusCode, Json<Challenge>), ApiError> {
    let challenge = quick_sign_in::issue_challenge(&state, &request, peer.ip()).await?;
    Ok((StatusCode::CREATED, Json(challenge)))
}

/// Signs in with the device's key: a session of the usual 2 hours.
#[utoipa::path(post, path = "/quick-sign-in/sessions", request_body = QuickSignIn,
    responses(
        (status = 201, body = LoginResponse, description = "Signed in for 2 hours"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "quick_sign_in_refused, with attempts_left"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "device_not_bound or device_inactive (told before any signature check)"),
        (status = 410, body = Problem, content_type = "application/problem+json", description = "challenge_expired"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "invalid_id_number"),
        (status = 423, body = Problem, content_type = "application/problem+json", description = "quick_sign_in_locked, with retry_after_seconds: sign in with the password"),
    ))]
pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiJson(request): ApiJson<QuickSignIn>,
) -> Result<(StatusCode, Json<LoginResponse>), ApiError> {
    let session = quick_sign_in::sign_in(&state, &request, peer.ip()).await?;
    Ok((StatusCode::CREATED, Json(session)))
}

/// The signed-in person's quick sign-in keys, newest first.
#[utoipa::path(get, path = "/quick-sign-in/keys", security(("bearer" = [])),
    responses(
        (status = 200, body = QuickSignInKeys),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list(
    State(state): State<AppState>,
    current: CurrentSession,
) -> Result<Json<QuickSignInKeys>, ApiError> {
    let keys = quick_sign_in::keys_of(&state, &current.session.person.id_number).await?;
    Ok(Json(QuickSignInKeys { keys }))
}

/// Enrols this device's key for the signed-in person (replacing its earlier one); a notice
/// mail goes to the confirmed address.
#[utoipa::path(post, path = "/quick-sign-in/keys", security(("bearer" = [])), request_body = EnrolKey,
    responses(
        (status = 201, body = QuickSignInKey),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "invalid_request (key, signature, label)"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "quick_sign_in_refused (the challenge or the signature), or unauthenticated"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "device_not_bound or device_inactive"),
        (status = 410, body = Problem, content_type = "application/problem+json", description = "challenge_expired"),
    ))]
pub async fn enrol(
    State(state): State<AppState>,
    lang: PageLang,
    current: CurrentSession,
    ApiJson(request): ApiJson<EnrolKey>,
) -> Result<(StatusCode, Json<QuickSignInKey>), ApiError> {
    let person = &current.session.person;
    let key = quick_sign_in::enrol(&state, person, &request, lang.lang).await?;
    Ok((StatusCode::CREATED, Json(key)))
}

/// Removes the signed-in person's key of a device: refused at once from then on.
#[utoipa::path(delete, path = "/quick-sign-in/keys/{device_id}", security(("bearer" = [])),
    params(("device_id" = String, Path, description = "The device whose key goes")),
    responses(
        (status = 204, description = "Removed"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No key of this person on that device"),
    ))]
pub async fn remove(
    State(state): State<AppState>,
    current: CurrentSession,
    Path(device_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = &current.session.person.id_number;
    if state.store.delete_key(id, &device_id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

/// Begins enrolling a passkey (the web build) for the signed-in person on this device.
#[utoipa::path(post, path = "/quick-sign-in/passkeys/registrations", security(("bearer" = [])),
    request_body = PasskeyCeremonyRequest,
    responses(
        (status = 201, body = PasskeyCeremony, description = "Options for navigator.credentials.create()"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "device_not_bound or device_inactive"),
        (status = 429, body = Problem, content_type = "application/problem+json", description = "too_many_attempts (ceremonies per client address)"),
        (status = 501, body = Problem, content_type = "application/problem+json", description = "passkeys_unavailable (the backend is reached by an IP address)"),
    ))]
pub async fn begin_passkey_registration(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    current: CurrentSession,
    ApiJson(request): ApiJson<PasskeyCeremonyRequest>,
) -> Result<(StatusCode, Json<PasskeyCeremony>), ApiError> {
    let person = &current.session.person;
    let ceremony = passkeys::begin_registration(&state, person, &request, peer.ip()).await?;
    Ok((StatusCode::CREATED, Json(ceremony)))
}

/// Keeps the browser's new passkey for this device; a notice mail goes to the confirmed
/// address.
#[utoipa::path(post, path = "/quick-sign-in/passkeys", security(("bearer" = [])), request_body = EnrolPasskey,
    responses(
        (status = 201, body = QuickSignInKey),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "invalid_request (the credential, the label)"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "quick_sign_in_refused (the challenge, or the credential without user verification), or unauthenticated"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "device_not_bound or device_inactive"),
        (status = 410, body = Problem, content_type = "application/problem+json", description = "challenge_expired"),
        (status = 501, body = Problem, content_type = "application/problem+json", description = "passkeys_unavailable"),
    ))]
pub async fn enrol_passkey(
    State(state): State<AppState>,
    lang: PageLang,
    current: CurrentSession,
    ApiJson(request): ApiJson<EnrolPasskey>,
) -> Result<(StatusCode, Json<QuickSignInKey>), ApiError> {
    let person = &current.session.person;
    let key = passkeys::finish_registration(&state, person, &request, lang.lang).await?;
    Ok((StatusCode::CREATED, Json(key)))
}

/// Begins signing in with this device's passkey for an ID (the device proves itself first).
#[utoipa::path(post, path = "/quick-sign-in/passkeys/authentications", request_body = PasskeyCeremonyRequest,
    responses(
        (status = 201, body = PasskeyCeremony, description = "Options for navigator.credentials.get()"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "quick_sign_in_refused (no passkey of this ID on this device)"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "device_not_bound or device_inactive"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "invalid_id_number"),
        (status = 429, body = Problem, content_type = "application/problem+json", description = "too_many_attempts"),
        (status = 501, body = Problem, content_type = "application/problem+json", description = "passkeys_unavailable"),
    ))]
pub async fn begin_passkey_sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiJson(request): ApiJson<PasskeyCeremonyRequest>,
) -> Result<(StatusCode, Json<PasskeyCeremony>), ApiError> {
    let ceremony = passkeys::begin_authentication(&state, &request, peer.ip()).await?;
    Ok((StatusCode::CREATED, Json(ceremony)))
}

/// Signs in with the browser's passkey assertion: a session of the usual 2 hours.
#[utoipa::path(post, path = "/quick-sign-in/passkeys/sessions", request_body = PasskeySignIn,
    responses(
        (status = 201, body = LoginResponse, description = "Signed in for 2 hours"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "quick_sign_in_refused, with attempts_left"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "device_not_bound or device_inactive"),
        (status = 410, body = Problem, content_type = "application/problem+json", description = "challenge_expired"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "invalid_id_number"),
        (status = 423, body = Problem, content_type = "application/problem+json", description = "quick_sign_in_locked: sign in with the password"),
        (status = 501, body = Problem, content_type = "application/problem+json", description = "passkeys_unavailable"),
    ))]
pub async fn passkey_sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiJson(request): ApiJson<PasskeySignIn>,
) -> Result<(StatusCode, Json<LoginResponse>), ApiError> {
    let session = passkeys::sign_in(&state, &request, peer.ip()).await?;
    Ok((StatusCode::CREATED, Json(session)))
}
