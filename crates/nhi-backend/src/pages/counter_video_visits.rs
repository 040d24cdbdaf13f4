//! The counter page's video visits: a signed-in counter requests a patient's card for a
//! scheduled video visit, follows the request without reloading (`counter.js` fetches its
//! status part) and may cancel it; once the patient allows, the verification shows as for a
//! scanned QR.

use askama::Template;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::header::{CONTENT_TYPE, LOCATION};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::counter::{presented_by, signed_in_as, signed_in_line, with_video_refusal, Refusal};
use super::counter_session::CounterSession;
use super::door::MaybeSignedIn;
use super::site::pages::render;
use super::PageLang;
use crate::error::ApiError;
use crate::services::institution_cards::{blocked, professional_card_blocked};
use crate::services::video_visit;
use crate::state::AppState;
use crate::store::InstitutionRecord;
use nhi_core::api::{CreateVideoVisit, Problem, ProblemCode, VideoVisitState, VideoVisitStatus};
use nhi_core::domain::taiwan_time;
use nhi_core::tr;

/// `2026-11-30 14:30` in Taiwan time, for the clerk to read.
fn clock(at: chrono::DateTime<chrono::Utc>) -> String {
    taiwan_time::format(at, "%Y-%m-%d %H:%M")
}

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

/// The signed-in counter: its institution and professional card. A counter not signed in is
/// sent to the front page to put its cards in; a blocked professional card stops it.
struct SignedInCounter {
    institution: InstitutionRecord,
    hpc_id: String,
}

impl FromRequestParts<AppState> for SignedInCounter {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let MaybeSignedIn(session) =
            MaybeSignedIn::<CounterSession>::from_request_parts(parts, state).await?;
        let signed_in = signed_in_as(state, &session)
            .await
            .map_err(IntoResponse::into_response)?;
        let Some((institution, hpc_id)) = signed_in else {
            return Err((StatusCode::SEE_OTHER, [(LOCATION, "/counter")]).into_response());
        };
        match professional_card_blocked(state, &hpc_id).await {
            Ok(false) => Ok(Self {
                institution,
                hpc_id,
            }),
            Ok(true) => Err(blocked().into_response()),
            Err(error) => Err(error.into_response()),
        }
    }
}

/// The request form as sent (`scheduled_at`: `datetime-local` in Taiwan time).
#[derive(Debug, Deserialize)]
pub(super) struct RequestForm {
    pub(super) id_number: String,
    pub(super) department: String,
    pub(super) scheduled_at: String,
    #[serde(default)]
    pub(super) message: String,
}

async fn create(
    page: PageLang,
    State(state): State<AppState>,
    SignedInCounter {
        institution,
        hpc_id,
    }: SignedInCounter,
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
            video_visit::create(&state, &institution, &request).await
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
    let video = VideoPanel::of(&page, &state, &institution, Some(form)).await?;
    Ok(with_video_refusal(
        page,
        &institution,
        hpc_id,
        video,
        refusal,
    ))
}

/// The counter front page's video visit panel: the request form (with what was typed, when a
/// request was refused) and the counter's recent requests.
pub(super) struct VideoPanel {
    pub(super) departments: Vec<String>,
    pub(super) form: RequestForm,
    pub(super) recent: Vec<RecentRequest>,
}

impl VideoPanel {
    /// For the counter of `institution`; a fresh form's visit time is a few minutes from now.
    pub(super) async fn of(
        page: &PageLang,
        state: &AppState,
        institution: &InstitutionRecord,
        typed: Option<RequestForm>,
    ) -> Result<Self, ApiError> {
        let form = typed.unwrap_or_else(|| RequestForm {
            id_number: String::new(),
            department: institution.departments.first().cloned().unwrap_or_default(),
            scheduled_at: taiwan_time::local_field(
                state.clock.now() + chrono::Duration::minutes(5),
            ),
            message: String::new(),
        });
        Ok(Self {
            departments: institution.departments.clone(),
            form,
            recent: recent_requests(page, state, institution).await?,
        })
    }
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

/// How a request stands, as a key for machines and in words for the clerk: waiting until …,
/// allowed or declined by the patient or a delegate (name and masked ID), cancelled, expired.
fn state_words(page: &PageLang, s: &VideoVisitStatus) -> (&'static str, String) {
    let by = |by_delegate: &str, by_patient: &str| match &s.answered_by_delegate {
        Some(d) => tr!(
            page.lang,
            by_delegate,
            name = d.name.as_str(),
            id = d.id_number.as_str()
        ),
        None => page.t(by_patient),
    };
    match s.state {
        VideoVisitState::Pending => (
            "pending",
            tr!(
                page.lang,
                "counter-video-waiting",
                time = clock(s.expires_at)
            ),
        ),
        VideoVisitState::Allowed => (
            "allowed",
            by(
                "counter-video-allowed-by",
                "counter-video-allowed-by-patient",
            ),
        ),
        VideoVisitState::Declined => (
            "declined",
            by(
                "counter-video-declined-by",
                "counter-video-declined-by-patient",
            ),
        ),
        VideoVisitState::Cancelled => ("cancelled", page.t("counter-video-cancelled")),
        VideoVisitState::Expired => ("expired", page.t("counter-video-expired")),
    }
}

/// The patient as the counter may know them: the masked ID, and the name once allowed.
pub(super) fn patient_line(s: &VideoVisitStatus) -> String {
    match &s.patient_name {
        Some(name) => format!("{name} ({})", s.patient_id),
        None => s.patient_id.clone(),
    }
}

/// One of the counter's recent requests, as its front page lists it.
pub(super) struct RecentRequest {
    pub(super) href: String,
    /// Patient (masked ID), department, visit time.
    pub(super) what: String,
    pub(super) state_key: &'static str,
    pub(super) state_line: String,
}

/// The counter's requests of the last half hour, newest first, to go back to one.
async fn recent_requests(
    page: &PageLang,
    state: &AppState,
    institution: &InstitutionRecord,
) -> Result<Vec<RecentRequest>, ApiError> {
    let recent = video_visit::recent_of_institution(state, institution).await?;
    Ok(recent
        .iter()
        .map(|s| {
            let (state_key, state_line) = state_words(page, s);
            RecentRequest {
                href: format!("/counter/video-visits/{}", s.request_id),
                what: format!(
                    "{} · {} · {}",
                    patient_line(s),
                    s.department,
                    clock(s.scheduled_at)
                ),
                state_key,
                state_line,
            }
        })
        .collect())
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
    counter: &SignedInCounter,
    id: &str,
) -> Result<VideoVisitStatus, ApiError> {
    let record = video_visit::of_institution(state, &counter.institution, id).await?;
    video_visit::status_view(state, &record).await
}

/// The request's page, with why an action on it was refused, if it was.
async fn page_of(
    page: PageLang,
    state: &AppState,
    counter: SignedInCounter,
    id: &str,
    refusal: Option<Refusal>,
) -> Result<Response, ApiError> {
    let part = StatusPart::new(page.clone(), status_of(state, &counter, id).await?, refusal);
    let who = (counter.institution.name, counter.hpc_id);
    Ok(render(&VideoVisitPage {
        signed_in: Some(signed_in_line(&page, who)),
        page,
        part,
    }))
}

async fn show(
    page: PageLang,
    State(state): State<AppState>,
    counter: SignedInCounter,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    page_of(page, &state, counter, &id, None).await
}

async fn status_part(
    page: PageLang,
    State(state): State<AppState>,
    counter: SignedInCounter,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let status = status_of(&state, &counter, &id).await?;
    Ok(render(&StatusPart::new(page, status, None)))
}

async fn cancel(
    page: PageLang,
    State(state): State<AppState>,
    counter: SignedInCounter,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let refusal = match video_visit::cancel(&state, &counter.institution, &id).await {
        Ok(_) => None,
        Err(ApiError::Refused(problem)) => Some(Refusal::of(&problem, &page)),
        Err(other) => return Err(other),
    };
    page_of(page, &state, counter, &id, refusal).await
}
