//! The counter page: real HTML for a clinic clerk. Put in the institution's cards (typed
//! here, as the card readers would supply them), then paste the scanned QR text or upload a
//! photo or screenshot of the patient's code; see who it is, or why not, in plain words.

use askama::Template;
use axum::extract::multipart::MultipartError;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use super::counter_session::{CounterSession, DOOR, SHIFT};
use super::counter_video_visits::VideoPanel;
use super::door::MaybeSignedIn;
use crate::auth::session_token;
use crate::error::ApiError;
use crate::pages::site::pages::render;
use crate::pages::PageLang;
use crate::services::institution_cards::{
    authenticate, blocked, professional_card_blocked, Credentials,
};
use crate::services::qr_scan::{read_card_qr, MAX_UPLOAD_BYTES};
use crate::services::verification::verify;
use crate::state::AppState;
use crate::store::InstitutionRecord;
use nhi_core::api::{Problem, ProblemCode, Verification};
use nhi_core::tr;

/// The counter's form: the cards, the QR text, and a photo of the code up to the scanner's
/// limit (a phone camera's photo is 2–5 MB), with room for the other fields.
const FORM_BYTES: usize = MAX_UPLOAD_BYTES + 64 * 1024;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route(
            "/counter",
            get(form)
                .post(submit)
                .layer(DefaultBodyLimit::max(FORM_BYTES)),
        )
        .route("/counter/logout", post(logout))
        .merge(super::counter_video_visits::routes())
        .with_state(state)
}

/// Why the counter could not verify, in the page's language, with the HIS code beside it.
pub(super) struct Refusal {
    pub(super) title: String,
    pub(super) detail: String,
    pub(super) his_code: Option<u16>,
}

impl Refusal {
    pub(super) fn of(problem: &Problem, page: &PageLang) -> Self {
        let (title, detail) = refusal_messages(problem.code);
        Self {
            title: page.t(title),
            detail: page.t(detail),
            his_code: problem.his_code,
        }
    }
}

/// The refusals a counter meets, as a clerk reads them: (title, detail) message ids.
fn refusal_messages(code: ProblemCode) -> (&'static str, &'static str) {
    use ProblemCode as C;
    match code {
        C::QrExpired => ("counter-qr-expired", "counter-qr-expired-detail"),
        C::QrNotFound => ("counter-qr-not-found", "counter-qr-not-found-detail"),
        C::QrReused => ("counter-qr-reused", "counter-qr-reused-detail"),
        C::NotInProgramme => (
            "counter-not-in-programme",
            "counter-not-in-programme-detail",
        ),
        C::CardVoided => ("counter-card-voided", "counter-card-voided-detail"),
        C::AuthorizationInactive => (
            "counter-authorization-inactive",
            "counter-authorization-inactive-detail",
        ),
        C::InstitutionCredentials => ("counter-credentials", "counter-credentials-detail"),
        C::ProfessionalCardBlocked => ("counter-hpc-blocked", "counter-hpc-blocked-detail"),
        C::TooManyAttempts => (
            "counter-too-many-attempts",
            "counter-too-many-attempts-detail",
        ),
        C::QrUnreadable => ("counter-qr-unreadable", "counter-qr-unreadable-detail"),
        C::BadImage => ("counter-bad-image", "counter-bad-image-detail"),
        C::InvalidIdNumber => ("counter-video-refused", "counter-video-invalid-id-detail"),
        C::InvalidVideoVisit => ("counter-video-refused", "counter-video-invalid-detail"),
        C::NoCard => ("counter-video-refused", "counter-video-no-card-detail"),
        C::VideoVisitOpen => ("counter-video-refused", "counter-video-open-detail"),
        C::VideoVisitAnswered => ("counter-video-closed", "counter-video-answered-detail"),
        C::VideoVisitExpired => ("counter-video-closed", "counter-video-expired-detail"),
        C::VideoVisitCancelled => ("counter-video-closed", "counter-video-cancelled-detail"),
        _ => ("counter-cannot-verify", "counter-cannot-verify-detail"),
    }
}

#[derive(Template)]
#[template(path = "counter/counter.html")]
struct CounterPage {
    page: PageLang,
    institution_code: String,
    hpc_id: String,
    /// "Signed in: institution (professional card)" while the counter is signed in.
    signed_in: Option<String>,
    result: Option<Verification>,
    /// Who showed the card: the holder, or a delegate by name and ID.
    presented_by: String,
    refusal: Option<Refusal>,
    /// The video visit request form and recent requests, while signed in.
    video: Option<VideoPanel>,
}

pub(super) fn signed_in_line(page: &PageLang, (institution, card): (String, String)) -> String {
    tr!(
        page.lang,
        "counter-signed-in-as",
        institution = institution,
        card = card
    )
}

pub(super) fn presented_by(page: &PageLang, result: Option<&Verification>) -> String {
    match result.and_then(|v| v.delegate.as_ref()) {
        Some(d) => tr!(
            page.lang,
            "counter-presented-by-delegate",
            name = d.name.as_str(),
            id = d.id_number.to_string()
        ),
        None => page.t("counter-the-holder"),
    }
}

/// The signed-in counter's institution and professional card.
pub(super) async fn signed_in_as(
    state: &AppState,
    session: &Option<CounterSession>,
) -> Result<Option<(InstitutionRecord, String)>, ApiError> {
    let Some(session) = session else {
        return Ok(None);
    };
    Ok(state
        .store
        .find_institution(&session.institution_code)
        .await?
        .map(|i| (i, session.hpc_id.clone())))
}

async fn form(
    page: PageLang,
    State(state): State<AppState>,
    MaybeSignedIn(session): MaybeSignedIn<CounterSession>,
) -> Result<Response, ApiError> {
    let signed_in = signed_in_as(&state, &session).await?;
    nothing_verified(page, &state, signed_in, None).await
}

/// The counter page with nothing verified: the form, the video panel while signed in, and a
/// refusal if there is one.
async fn nothing_verified(
    page: PageLang,
    state: &AppState,
    signed_in: Option<(InstitutionRecord, String)>,
    refusal: Option<Refusal>,
) -> Result<Response, ApiError> {
    let video = match &signed_in {
        Some((institution, _)) => Some(VideoPanel::of(&page, state, institution, None).await?),
        None => None,
    };
    Ok(render(&CounterPage {
        video,
        signed_in: signed_in.map(|(i, hpc)| signed_in_line(&page, (i.name, hpc))),
        presented_by: String::new(),
        page,
        institution_code: String::new(),
        hpc_id: String::new(),
        result: None,
        refusal,
    }))
}

/// The counter page with a refused video visit request: what was typed stays.
pub(super) fn with_video_refusal(
    page: PageLang,
    institution: &InstitutionRecord,
    hpc_id: String,
    video: VideoPanel,
    refusal: Refusal,
) -> Response {
    render(&CounterPage {
        signed_in: Some(signed_in_line(&page, (institution.name.clone(), hpc_id))),
        presented_by: String::new(),
        video: Some(video),
        page,
        institution_code: String::new(),
        hpc_id: String::new(),
        result: None,
        refusal: Some(refusal),
    })
}

/// The counter page when the form itself could not be read: a photo over the limit (413) or
/// a broken upload (400); nothing was verified.
async fn unreadable_form(
    page: PageLang,
    state: &AppState,
    signed_in: Option<(InstitutionRecord, String)>,
    status: StatusCode,
) -> Result<Response, ApiError> {
    let detail = if status == StatusCode::PAYLOAD_TOO_LARGE {
        "counter-photo-too-large-detail"
    } else {
        "counter-form-unreadable-detail"
    };
    let refusal = Refusal {
        title: page.t("counter-bad-image"),
        detail: page.t(detail),
        his_code: None,
    };
    let body = nothing_verified(page, state, signed_in, Some(refusal)).await?;
    Ok((status, body).into_response())
}

/// "Sign out of the counter": the session ends on the server, the cookie is cleared.
async fn logout(
    State(state): State<AppState>,
    MaybeSignedIn(session): MaybeSignedIn<CounterSession>,
) -> Result<Response, ApiError> {
    if let Some(session) = session {
        state
            .store
            .delete_counter_session(&session.token_hash)
            .await?;
    }
    Ok((
        StatusCode::SEE_OTHER,
        [
            (LOCATION, HeaderValue::from_static("/counter")),
            DOOR.clear_cookie(),
        ],
    )
        .into_response())
}

/// What the counter's form sent.
#[derive(Default)]
struct CounterForm {
    credentials: Credentials,
    payload: String,
    image: Vec<u8>,
}

/// Reads the counter's multipart form; the error is the status the form earns (413 when the
/// photo is over the limit, 400 when the form cannot be read).
async fn read_form(mut multipart: Multipart) -> Result<CounterForm, StatusCode> {
    let mut form = CounterForm::default();
    let status = |e: MultipartError| e.status();
    while let Some(field) = multipart.next_field().await.map_err(status)? {
        let name = field.name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(status)?;
        let text = || String::from_utf8_lossy(&bytes).trim().to_owned();
        match name.as_str() {
            "institution_code" => form.credentials.institution_code = text(),
            "sam_key" => form.credentials.sam_key = text(),
            "hpc_id" => form.credentials.hpc_id = text(),
            "hpc_pin" => form.credentials.hpc_pin = text(),
            "payload" => form.payload = text(),
            "image" => form.image = bytes.to_vec(),
            _ => {}
        }
    }
    Ok(form)
}

async fn submit(
    page: PageLang,
    State(state): State<AppState>,
    MaybeSignedIn(session): MaybeSignedIn<CounterSession>,
    multipart: Multipart,
) -> Result<Response, ApiError> {
    let signed_in = signed_in_as(&state, &session).await?;
    let form = match read_form(multipart).await {
        Ok(form) => form,
        // The clerk's own page, in the clerk's language, with what to do.
        Err(status) => return unreadable_form(page, &state, signed_in, status).await,
    };
    let CounterForm {
        credentials,
        mut payload,
        image,
    } = form;
    let nothing_given = payload.is_empty() && image.is_empty();
    let typed_cards = !credentials.sam_key.is_empty() || signed_in.is_none();
    let mut new_session = None;
    let outcome = async {
        let institution = if typed_cards {
            // The cards go through the three-card check and its attempt limits; once they
            // pass, the counter stays signed in for the shift.
            let institution = authenticate(&state, &credentials).await?;
            let token = session_token::generate();
            state
                .store
                .insert_counter_session(
                    &session_token::digest(&token),
                    &institution.code,
                    credentials.hpc_id.trim(),
                    state.clock.now() + SHIFT,
                )
                .await?;
            new_session = Some((
                token,
                (
                    institution.name.clone(),
                    credentials.hpc_id.trim().to_owned(),
                ),
            ));
            institution
        } else {
            let (institution, hpc_id) = signed_in.clone().expect("signed in");
            if professional_card_blocked(&state, &hpc_id).await? {
                return Err(blocked());
            }
            institution
        };
        if payload.is_empty() {
            if image.is_empty() {
                return Err(ApiError::InvalidRequest("no QR text and no photo".into()));
            }
            payload = read_card_qr(image.into()).await?;
        }
        verify(&state, &institution, &payload).await
    }
    .await;
    let (result, refusal) = match outcome {
        Ok(v) => (Some(v), None),
        Err(ApiError::Refused(p)) => (None, Some(Refusal::of(&p, &page))),
        Err(ApiError::InvalidRequest(why)) => {
            tracing::debug!(%why, "the counter could not verify");
            (
                None,
                Some(Refusal {
                    title: page.t("counter-cannot-verify"),
                    detail: page.t(if nothing_given {
                        "counter-nothing-to-verify-detail"
                    } else {
                        "counter-cannot-verify-detail"
                    }),
                    his_code: None,
                }),
            )
        }
        Err(other) => return Err(other),
    };
    let counter_institution = match (&new_session, &signed_in) {
        (None, Some((i, _))) => Some(i.clone()),
        (Some(_), _) => {
            state
                .store
                .find_institution(credentials.institution_code.trim())
                .await?
        }
        (None, None) => None,
    };
    let video = match &counter_institution {
        Some(i) => Some(VideoPanel::of(&page, &state, i, None).await?),
        None => None,
    };
    let shown_signed_in = new_session
        .as_ref()
        .map(|(_, who)| who.clone())
        .or_else(|| signed_in.map(|(i, hpc)| (i.name, hpc)));
    let page = render(&CounterPage {
        signed_in: shown_signed_in.map(|who| signed_in_line(&page, who)),
        presented_by: presented_by(&page, result.as_ref()),
        page,
        institution_code: credentials.institution_code,
        hpc_id: credentials.hpc_id,
        result,
        refusal,
        video,
    });
    Ok(match new_session {
        Some((token, _)) => ([DOOR.set_cookie(&token)], page).into_response(),
        None => page,
    })
}
