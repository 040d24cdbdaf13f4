//! Login (`POST /sessions`) and logout (`DELETE /sessions/current`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::Duration;

use crate::api::{LoginRequest, LoginResponse, Person, Problem};
use crate::backend::auth::{password_hash, session_token, CurrentSession};
use crate::backend::error::ApiError;
use crate::backend::state::AppState;
use crate::backend::store::PersonRecord;
use crate::domain::login_throttle::{self, AfterFailure};
use crate::domain::IdNumber;

/// A login lasts at most this long; then the person signs in again.
pub const SESSION_LIFETIME: Duration = Duration::hours(2);

pub fn person_view(p: &PersonRecord) -> Person {
    Person {
        id_number: p.id_number.clone(),
        id_kind: p.id_number.kind(),
        name: p.name.clone(),
        birth_date: p.birth_date,
    }
}

#[utoipa::path(post, path = "/api/v1/sessions", request_body = LoginRequest,
    responses(
        (status = 201, body = LoginResponse, description = "Signed in for 2 hours"),
        (status = 401, body = Problem, description = "wrong_credentials"),
        (status = 422, body = Problem, description = "invalid_id_number"),
        (status = 423, body = Problem, description = "account_locked, with retry_after_seconds"),
    ))]
pub async fn login(
    State(state): State<AppState>,
    body: Result<Json<LoginRequest>, axum::extract::rejection::JsonRejection>,
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
    let token = session_token::generate();
    let expires_at = now + SESSION_LIFETIME;
    state
        .store
        .insert_session(&session_token::digest(&token), &id, now, expires_at)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(LoginResponse {
            token,
            expires_at,
            person: person_view(&account.person),
        }),
    ))
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
