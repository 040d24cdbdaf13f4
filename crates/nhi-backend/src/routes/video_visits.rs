//! Video visits over the API: the institution requests the card, follows the request and may
//! cancel it; the person (or a delegate) sees the requests and allows or declines them.

use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::Json;
use std::net::SocketAddr;

use crate::auth::CurrentSession;
use crate::error::{ApiError, ApiJson};
use crate::services::institution_cards::InstitutionCaller;
use crate::services::video_visit;
use crate::state::AppState;
use nhi_core::api::{
    AnswerVideoVisit, CreateVideoVisit, Problem, VideoVisitRequest, VideoVisitStatus,
};

#[utoipa::path(post, path = "/institution/video-visits", request_body = CreateVideoVisit,
    params(("X-Institution-Code" = String, Header), ("X-SAM-Key" = String, Header), ("X-HPC-Id" = String, Header), ("X-HPC-PIN" = String, Header)),
    responses(
        (status = 201, body = VideoVisitStatus, description = "Requested: the person has 10 minutes to answer in the app. Made for any well-formed ID, with or without a card (the answer is the same); the patient is named by the masked ID until they allow"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "institution_credentials (his_code 4012 / 4014)"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "not_in_programme (1042)"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "video_visit_open: one open request per institution and person"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "invalid_id_number, invalid_video_visit (time, department or message)"),
        (status = 429, body = Problem, content_type = "application/problem+json", description = "too_many_attempts: requests per institution, per institution and person, per person"),
    ))]
pub async fn create(
    State(state): State<AppState>,
    InstitutionCaller(institution): InstitutionCaller,
    ApiJson(request): ApiJson<CreateVideoVisit>,
) -> Result<(StatusCode, Json<VideoVisitStatus>), ApiError> {
    let status = video_visit::create(&state, &institution, &request).await?;
    Ok((StatusCode::CREATED, Json(status)))
}

#[utoipa::path(get, path = "/institution/video-visits",
    params(("X-Institution-Code" = String, Header), ("X-SAM-Key" = String, Header), ("X-HPC-Id" = String, Header), ("X-HPC-PIN" = String, Header)),
    responses(
        (status = 200, body = Vec<VideoVisitStatus>, description = "The institution's requests: pending, or ended in the last 30 minutes, newest first; without verifications (read one request for its verification)"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "institution_credentials (his_code 4012 / 4014)"),
    ))]
pub async fn recent(
    State(state): State<AppState>,
    InstitutionCaller(institution): InstitutionCaller,
) -> Result<Json<Vec<VideoVisitStatus>>, ApiError> {
    Ok(Json(
        video_visit::recent_of_institution(&state, &institution).await?,
    ))
}

#[utoipa::path(get, path = "/institution/video-visits/{request_id}",
    params(("request_id" = String, Path), ("X-Institution-Code" = String, Header), ("X-SAM-Key" = String, Header), ("X-HPC-Id" = String, Header), ("X-HPC-PIN" = String, Header)),
    responses(
        (status = 200, body = VideoVisitStatus, description = "The request's state; once allowed, the verification (the same at every read)"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "not_found: no such request of this institution"),
    ))]
pub async fn status(
    State(state): State<AppState>,
    InstitutionCaller(institution): InstitutionCaller,
    Path(request_id): Path<String>,
) -> Result<Json<VideoVisitStatus>, ApiError> {
    let record = video_visit::of_institution(&state, &institution, &request_id).await?;
    Ok(Json(video_visit::status_view(&state, &record).await?))
}

#[utoipa::path(delete, path = "/institution/video-visits/{request_id}",
    params(("request_id" = String, Path), ("X-Institution-Code" = String, Header), ("X-SAM-Key" = String, Header), ("X-HPC-Id" = String, Header), ("X-HPC-PIN" = String, Header)),
    responses(
        (status = 200, body = VideoVisitStatus, description = "Cancelled: the app shows it as cancelled by the clinic"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "not_found"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "video_visit_answered: already allowed or declined"),
        (status = 410, body = Problem, content_type = "application/problem+json", description = "video_visit_expired, video_visit_cancelled"),
    ))]
pub async fn cancel(
    State(state): State<AppState>,
    InstitutionCaller(institution): InstitutionCaller,
    Path(request_id): Path<String>,
) -> Result<Json<VideoVisitStatus>, ApiError> {
    Ok(Json(
        video_visit::cancel(&state, &institution, &request_id).await?,
    ))
}

#[utoipa::path(get, path = "/card/video-visits", security(("bearer" = [])),
    responses((status = 200, body = Vec<VideoVisitRequest>, description = "Requests for my card and for the cards I may present: pending, or ended in the last 30 minutes")))]
pub async fn list(
    State(state): State<AppState>,
    me: CurrentSession,
) -> Result<Json<Vec<VideoVisitRequest>>, ApiError> {
    Ok(Json(
        video_visit::requests_for(&state, &me.session.person).await?,
    ))
}

#[utoipa::path(post, path = "/card/video-visits/{request_id}/answer", security(("bearer" = [])),
    request_body = AnswerVideoVisit,
    params(("request_id" = String, Path)),
    responses(
        (status = 200, body = VideoVisitRequest, description = "Allowed (the clinic has the verification and a visit number) or declined"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "quick_sign_in_refused (the confirmation did not verify), with attempts_left"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "card_voided, authorization_inactive, not_in_programme, approval_required (quick sign-in is on: allowing needs its confirmation)"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "not_found, no_card"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "video_visit_answered, grantor_card_invalid"),
        (status = 410, body = Problem, content_type = "application/problem+json", description = "video_visit_expired, video_visit_cancelled"),
    ))]
pub async fn answer(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    me: CurrentSession,
    Path(request_id): Path<String>,
    ApiJson(body): ApiJson<AnswerVideoVisit>,
) -> Result<Json<VideoVisitRequest>, ApiError> {
    let confirmation = video_visit::Confirmation {
        approval: body.approval.as_ref(),
        client: peer.ip(),
    };
    let person = &me.session.person;
    Ok(Json(
        video_visit::answer(&state, person, &request_id, body.answer, confirmation).await?,
    ))
}
