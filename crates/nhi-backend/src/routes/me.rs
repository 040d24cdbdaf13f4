use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::Json;
use std::net::SocketAddr;

use crate::auth::sessions::person_view;
use crate::auth::CurrentSession;
use crate::error::{ApiError, ApiJson};
use crate::pages::PageLang;
use crate::services::password_change;
use crate::state::AppState;
use nhi_core::api::{ChangePassword, Me, Problem};

/// Who is signed in, and until when.
#[utoipa::path(get, path = "/me", security(("bearer" = [])),
    responses(
        (status = 200, body = Me),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "unauthenticated or session_expired"),
    ))]
pub async fn me(current: CurrentSession) -> Json<Me> {
    Json(Me {
        person: person_view(&current.session.person),
        session_expires_at: current.session.expires_at,
    })
}

/// Changes the registration password (the app's 我的): the current one is checked through the
/// login's attempt limit; every other app and website session of the ID ends, this one
/// stays; a notice mail goes to the confirmed address, in the caller's language.
#[utoipa::path(put, path = "/me/password", security(("bearer" = [])), request_body = ChangePassword,
    responses(
        (status = 204, description = "Changed"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "wrong_credentials (the current password), with attempts_left; or unauthenticated"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "invalid_password (the new one breaks the rule; told before the current one is checked)"),
        (status = 423, body = Problem, content_type = "application/problem+json", description = "account_locked, with retry_after_seconds"),
    ))]
pub async fn change_password(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    lang: PageLang,
    current: CurrentSession,
    ApiJson(request): ApiJson<ChangePassword>,
) -> Result<StatusCode, ApiError> {
    password_change::change(
        &state,
        &current.session.person.id_number,
        &current.token_hash,
        request.current_password,
        request.new_password,
        peer.ip(),
        lang.lang,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
