//! Login (`POST /sessions`) and logout (`DELETE /sessions/current`).

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;

use crate::api::{LoginRequest, LoginResponse, Problem, ProblemCode};
use crate::backend::auth::sessions::start_session;
use crate::backend::auth::{device_key, password_hash, CurrentSession};
use crate::backend::error::ApiError;
use crate::backend::state::AppState;
use crate::domain::login_throttle::{self, AfterFailure};
use crate::domain::IdNumber;

#[utoipa::path(post, path = "/api/v1/sessions", request_body = LoginRequest,
    responses(
        (status = 201, body = LoginResponse, description = "Signed in for 2 hours"),
        (status = 401, body = Problem, description = "wrong_credentials"),
        (status = 403, body = Problem, description = "device_not_bound or device_inactive"),
        (status = 422, body = Problem, description = "invalid_id_number"),
        (status = 423, body = Problem, description = "account_locked, with retry_after_seconds"),
    ))]
pub async fn login(
    State(state): State<AppState>,
    body: Result<Json<LoginRequest>, JsonRejection>,
) -> Result<(StatusCode, Json<LoginResponse>), ApiError> {
    let Json(request) = body?;
    let id = IdNumber::parse(&request.id_number)?;
    let account = state.store.find_account(&id).await?;
    let now = state.clock.now();

    if let Some(until) = account.as_ref().and_then(|a| a.locked_until) {
        if until > now {
            return Err(ApiError::locked_for((until - now).num_seconds()));
        }
    }

    let stored_hash = account.as_ref().map(|a| a.password_hash.clone());
    let ok = password_hash::verify(request.password, stored_hash).await?;
    let Some(account) = account else {
        return Err(ApiError::WrongCredentials {
            attempts_left: None,
        });
    };
    if !ok {
        let failures = state.store.record_login_failure(&id).await?;
        tracing::info!(failures, "wrong password");
        return Err(match login_throttle::after_failure(failures) {
            AfterFailure::Answer => wrong(failures),
            AfterFailure::Delay(wait) => {
                tokio::time::sleep(wait).await;
                wrong(failures)
            }
            AfterFailure::Lock(duration) => {
                state.store.lock_account(&id, now + duration).await?;
                ApiError::locked_for(duration.num_seconds())
            }
        });
    }
    state.store.clear_login_failures(&id).await?;

    // Only a device bound to this ID, and the active one, may sign in (裝置認證).
    let binding = state.store.find_binding(&request.device_id, &id).await?;
    match binding {
        Some(b) if device_key::matches(&request.device_key, &b.device_key_hash) => {
            if !b.active {
                return Err(ApiError::refuse(
                    ProblemCode::DeviceInactive,
                    403,
                    "Not the active device",
                    "Another device was made the active one for this ID. Make this one active \
                     again on the registration website, or authenticate this device again.",
                ));
            }
        }
        _ => {
            return Err(ApiError::refuse(
                ProblemCode::DeviceNotBound,
                403,
                "Device not authenticated",
                "This device is not bound to this ID. Complete device authentication first.",
            ))
        }
    }

    let response = start_session(&state, &account.person).await?;
    Ok((StatusCode::CREATED, Json(response)))
}

fn wrong(failures: u32) -> ApiError {
    ApiError::WrongCredentials {
        attempts_left: Some(login_throttle::LOCK_AFTER.saturating_sub(failures)),
    }
}

/// Ends the session whose token is presented.
#[utoipa::path(delete, path = "/api/v1/sessions/current", security(("bearer" = [])),
    responses((status = 204, description = "Signed out"), (status = 401, body = Problem)))]
pub async fn logout(
    State(state): State<AppState>,
    current: CurrentSession,
) -> Result<StatusCode, ApiError> {
    state.store.delete_session(&current.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}
