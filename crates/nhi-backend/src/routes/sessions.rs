//! Login (`POST /sessions`) and logout (`DELETE /sessions/current`).

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderName, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use std::net::SocketAddr;

use crate::auth::sessions::start_session;
use crate::auth::{device_check, password_login, CurrentSession};
use crate::error::{ApiError, ApiJson};
use crate::state::AppState;
use nhi_core::api::{LoginRequest, LoginResponse, Problem};
use nhi_core::domain::IdNumber;

#[utoipa::path(post, path = "/sessions", request_body = LoginRequest,
    responses(
        (status = 201, body = LoginResponse, description = "Signed in for 2 hours"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "wrong_credentials (unknown ID and wrong password alike)"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "device_not_bound or device_inactive (told before any password check)"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "invalid_id_number"),
        (status = 423, body = Problem, content_type = "application/problem+json", description = "account_locked, with retry_after_seconds"),
    ))]
pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<(StatusCode, Json<LoginResponse>), ApiError> {
    let id = IdNumber::parse(&request.id_number)?;

    // The device first (裝置認證), before any password check.
    device_check::bound_and_active(&state, &id, &request.device_id, &request.device_key).await?;

    let account = password_login::check(&state, &id, request.password, peer.ip()).await?;
    let response = start_session(&state, &account.person).await?;
    Ok((StatusCode::CREATED, Json(response)))
}

/// Ends the session whose token is presented, and has a browser drop what it kept for it
/// (the card's photo, kept for good while signed in): the next person at a shared computer
/// finds nothing of this one.
#[utoipa::path(delete, path = "/sessions/current", security(("bearer" = [])),
    responses((status = 204, description = "Signed out"), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn logout(
    State(state): State<AppState>,
    current: CurrentSession,
) -> Result<impl IntoResponse, ApiError> {
    state.store.delete_session(&current.token_hash).await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(HeaderName::from_static("clear-site-data"), "\"cache\"")],
    ))
}
