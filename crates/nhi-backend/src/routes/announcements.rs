//! 重要資訊: the newest announcements, for the home screen (public).

use axum::extract::State;
use axum::http::header::CACHE_CONTROL;
use axum::response::IntoResponse;
use axum::Json;

use crate::error::ApiError;
use crate::state::AppState;
use nhi_core::api::{Announcement, Problem};

/// The home screen shows this many.
pub const SHOWN: i64 = 5;

/// The newest announcements, newest first.
#[utoipa::path(get, path = "/announcements",
    responses((status = 200, body = Vec<Announcement>), (status = 503, body = Problem, content_type = "application/problem+json")))]
pub async fn latest(State(state): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    let list: Vec<Announcement> = state
        .store
        .latest_announcements(SHOWN)
        .await?
        .into_iter()
        .map(|a| Announcement {
            id: a.id,
            title: a.title,
            body: a.body,
            lang: a.lang,
            published_at: a.published_at,
        })
        .collect();
    // The same for everyone: a browser may keep it a minute.
    Ok(([(CACHE_CONTROL, "public, max-age=60")], Json(list)))
}
