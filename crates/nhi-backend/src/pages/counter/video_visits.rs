//! The counter page's video visits: a signed-in counter requests a patient's card for a
//! scheduled video visit, follows the request without reloading (`counter.js` fetches its
//! status part) and may cancel it; once the patient allows, the verification shows as for a
//! scanned QR.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header::{CONTENT_TYPE, LOCATION};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};

use super::page::{presented_by, with_video_refusal};
use super::refusal::Refusal;
use super::session::Clerk;
use super::video_panel::{clock, patient_line, state_words, RequestForm, VideoPanel};
use crate::error::ApiError;
use crate::pages::render;
use crate::pages::PageLang;
use crate::services::video_visit;
use crate::state::AppState;
use nhi_core::api::{CreateVideoVisit, Problem, ProblemCode, VideoVisitState, VideoVisitStatus};
use nhi_core::domain::taiwan_time;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/counter/video-visits", post(create))
        .route("/counter/video-visits/{id}", get(show))
        .route("/counter/video-visits/{id}/status", get(status_part))
        .route("/counter/video-visits/{id}/cancel", post(cancel))
        .route("/counter/counter.js", get(script))
}

async fn script() -> Response {
    (
        [(CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("counter.js"),
    )
        .into_response()
}

async fn create(
    page: PageLang,
    State(state): State<AppState>,
    clerk: Clerk,
    Form(form): Form<RequestForm>,
) -> Result<Response, ApiError> {
    let outcome = match taiwan_time::from_local_field(&form.scheduled_at) {
        None => Err(ApiError::refuse(
            ProblemCode::InvalidVideoVisit,
            "the visit time is not a date and time",
        )),
        Some(scheduled_at) => {
            let request = CreateVideoVisit {
                id_number: form.id_number.trim().to_uppercase(),
                scheduled_at,
                department: form.department.clone(),
                message: Some(form.message.clone()),
            };
            video_visit::create(&state, &clerk.institution, &request).await
        }
    };
    let problem = match outcome {
        Ok(status) => {
            let to = format!("/counter/video-visits/{}", status.request_id);
            return Ok((StatusCode::SEE_OTHER, [(LOCATION, to)]).into_response());
        }
        Err(ApiError::Refused(problem)) => problem,
        Err(ApiError::InvalidIdNumber(_)) => Problem::of(ProblemCode::InvalidIdNumber),
        Err(other) => return Err(other),
    };
    let refusal = Refusal::of(&problem, &page);
    let video = VideoPanel::of(&page, &state, &clerk.institution, Some(form)).await?;
    Ok(with_video_refusal(page, &clerk, video, refusal))
}

/// One request as the counter follows it: the part `counter.js` fetches again.
#[derive(Template)]
#[template(path = "counter/video_visit_status.html")]
struct StatusPart {
    page: PageLang,
    s: VideoVisitStatus,
    pending: bool,
    state_key: &'static str,
    /// How the request stands, in words: waiting until …, allowed by …, declined, ….
    state_line: String,
    scheduled: String,
    presented_by: String,
    refusal: Option<Refusal>,
    /// The masked ID, and the name once allowed.
    patient: String,
}

impl StatusPart {
    fn new(page: PageLang, s: VideoVisitStatus, refusal: Option<Refusal>) -> Self {
        let (state_key, state_line) = state_words(&page, &s);
        Self {
            presented_by: presented_by(&page, s.verification.as_ref()),
            scheduled: clock(s.scheduled_at),
            patient: patient_line(&s),
            pending: s.state == VideoVisitState::Pending,
            state_key,
            state_line,
            page,
            s,
            refusal,
        }
    }
}

#[derive(Template)]
#[template(path = "counter/video_visit.html")]
struct VideoVisitPage {
    page: PageLang,
    signed_in: Option<String>,
    /// The status part, as `counter.js` fetches it again.
    part: StatusPart,
}

/// The counter's own request `id`, as it stands.
async fn status_of(
    state: &AppState,
    clerk: &Clerk,
    id: &str,
) -> Result<VideoVisitStatus, ApiError> {
    let record = video_visit::of_institution(state, &clerk.institution, id).await?;
    video_visit::status_view(state, &record).await
}

/// The request's page, with why an action on it was refused, if it was.
async fn page_of(
    page: PageLang,
    state: &AppState,
    clerk: Clerk,
    id: &str,
    refusal: Option<Refusal>,
) -> Result<Response, ApiError> {
    let part = StatusPart::new(page.clone(), status_of(state, &clerk, id).await?, refusal);
    Ok(render(&VideoVisitPage {
        signed_in: Some(clerk.line(&page)),
        page,
        part,
    }))
}

async fn show(
    page: PageLang,
    State(state): State<AppState>,
    clerk: Clerk,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    page_of(page, &state, clerk, &id, None).await
}

async fn status_part(
    page: PageLang,
    State(state): State<AppState>,
    clerk: Clerk,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let status = status_of(&state, &clerk, &id).await?;
    Ok(render(&StatusPart::new(page, status, None)))
}

async fn cancel(
    page: PageLang,
    State(state): State<AppState>,
    clerk: Clerk,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let refusal = match video_visit::cancel(&state, &clerk.institution, &id).await {
        Ok(_) => None,
        Err(ApiError::Refused(problem)) => Some(Refusal::of(&problem, &page)),
        Err(other) => return Err(other),
    };
    page_of(page, &state, clerk, &id, refusal).await
}
