//! My Health Bank (健康存摺): request today's data (a job ready after the processing delay),
//! the overview, a category page by page, one record. Only the signed-in owner's data is ever
//! read: no endpoint takes a person, and a record of anyone else is "not found".

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::Utc;
use serde::Deserialize;

use crate::auth::CurrentSession;
use crate::error::ApiError;
use crate::state::AppState;
use crate::store::HealthRequest;
use nhi_core::api::{
    CategoryCount, DataRequest, HealthBankOverview, Problem, ProblemCode, RecordDetail, RecordPage,
    RecordSummary,
};
use nhi_core::domain::health_bank::{Category, PAGE_SIZE};
use nhi_core::domain::IdNumber;

fn view(request: &HealthRequest, now: chrono::DateTime<Utc>) -> DataRequest {
    DataRequest {
        requested_at: request.requested_at,
        ready_at: request.ready_at,
        ready: request.ready_at <= now,
    }
}

#[utoipa::path(post, path = "/health-bank/requests", security(("bearer" = [])),
    responses((status = 202, body = DataRequest, description = "Processing"), (status = 409, body = Problem, content_type = "application/problem+json", description = "already_requested_today")))]
pub async fn request(
    State(state): State<AppState>,
    me: CurrentSession,
) -> Result<(StatusCode, Json<DataRequest>), ApiError> {
    let now = state.clock.now();
    // "Today" is Taiwan's day (UTC+8), whatever the server's time zone.
    let today = nhi_core::domain::taiwan_time::date(now);
    let ready_at = now + state.health_bank_delay;
    let id = &me.session.person.id_number;
    if !state
        .store
        .insert_health_request(id, today, now, ready_at)
        .await?
    {
        return Err(ApiError::refuse(
            ProblemCode::AlreadyRequestedToday,
            format!("Today's data ({today}) was already requested; one request a day."),
        ));
    }
    let request = HealthRequest {
        requested_on: today,
        requested_at: now,
        ready_at,
    };
    Ok((StatusCode::ACCEPTED, Json(view(&request, now))))
}

#[utoipa::path(get, path = "/health-bank", security(("bearer" = [])),
    responses((status = 200, body = HealthBankOverview)))]
pub async fn overview(
    State(state): State<AppState>,
    me: CurrentSession,
) -> Result<Json<HealthBankOverview>, ApiError> {
    let now = state.clock.now();
    let id = &me.session.person.id_number;
    let last = state.store.latest_health_request(id).await?;
    let ready = last.as_ref().is_some_and(|r| r.ready_at <= now);
    let categories = if ready {
        let counts = state.store.health_counts(id).await?;
        Category::ALL
            .into_iter()
            .map(|category| CategoryCount {
                category,
                count: counts
                    .iter()
                    .find(|(c, _)| *c == category)
                    .map_or(0, |(_, n)| *n),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Json(HealthBankOverview {
        last_request: last.map(|r| view(&r, now)),
        categories,
    }))
}

/// The data is readable once a request is ready.
async fn ensure_ready(state: &AppState, id: &IdNumber) -> Result<(), ApiError> {
    match state.store.latest_health_request(id).await? {
        Some(r) if r.ready_at <= state.clock.now() => Ok(()),
        Some(_) => Err(ApiError::refuse(
            ProblemCode::StillProcessing,
            "The data is still being prepared.",
        )),
        None => Err(ApiError::refuse(
            ProblemCode::NotFound,
            "Request today's data first.",
        )),
    }
}

#[derive(Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    page: u32,
}

#[utoipa::path(get, path = "/health-bank/categories/{category}", security(("bearer" = [])),
    params(("category" = String, Path, description = "outpatient, inpatient, medications, …"), ("page" = Option<u32>, Query, description = "From 0")),
    responses((status = 200, body = RecordPage), (status = 409, body = Problem, content_type = "application/problem+json", description = "still_processing")))]
pub async fn category(
    State(state): State<AppState>,
    me: CurrentSession,
    Path(category): Path<String>,
    Query(query): Query<PageQuery>,
) -> Result<Json<RecordPage>, ApiError> {
    let category = Category::parse(&category).ok_or(ApiError::NotFound)?;
    let id = &me.session.person.id_number;
    ensure_ready(&state, id).await?;
    // One more than a page tells whether another page follows.
    let mut records = state
        .store
        .health_records(
            id,
            category,
            query.page.saturating_mul(PAGE_SIZE),
            PAGE_SIZE + 1,
        )
        .await?;
    let more = records.len() > PAGE_SIZE as usize;
    records.truncate(PAGE_SIZE as usize);
    Ok(Json(RecordPage {
        records: records
            .into_iter()
            .map(|r| RecordSummary {
                id: r.id,
                date: r.happened,
                title: r.title,
                summary: r.summary,
            })
            .collect(),
        // Not `then_some(page + 1)`: that adds even when there is no next page, and
        // overflows on `?page=4294967295`.
        next_page: query.page.checked_add(1).filter(|_| more),
    }))
}

#[utoipa::path(get, path = "/health-bank/records/{id}", security(("bearer" = [])),
    params(("id" = i64, Path, description = "A record of the signed-in person")),
    responses((status = 200, body = RecordDetail), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json", description = "still_processing")))]
pub async fn record(
    State(state): State<AppState>,
    me: CurrentSession,
    Path(record_id): Path<i64>,
) -> Result<Json<RecordDetail>, ApiError> {
    let id = &me.session.person.id_number;
    ensure_ready(&state, id).await?;
    let record = state
        .store
        .health_record(record_id)
        .await?
        .filter(|r| &r.id_number == id)
        .ok_or(ApiError::NotFound)?;
    Ok(Json(RecordDetail {
        id: record.id,
        category: record.category,
        date: record.happened,
        title: record.title,
        fields: record.details,
    }))
}
