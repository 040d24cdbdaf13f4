use axum::Json;

use crate::auth::sessions::person_view;
use crate::auth::CurrentSession;
use nhi_core::api::{Me, Problem};

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
