//! 臨櫃申辦: NHIA counter staff at a regional division take a person's application for the
//! Virtual NHI Card, the person present with their ID — the same 專案申請 as in the app
//! (`services::staff_application`), as a page: the person checked against the insurance
//! records, the consent ticked and the signed form scanned, the ID document and the photo, the
//! contact; the person is told by SMS and e-mail, and the application joins the queue marked
//! as the counter's.

use askama::Template;
use axum::body::Bytes;
use axum::extract::multipart::MultipartError;
use axum::extract::{ConnectInfo, Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;

use super::reviewer_session::Reviewer;
use crate::error::ApiError;
use crate::pages::door::SignedIn;
use crate::pages::{render, PageLang};
use crate::services::card_images::ImageKind;
use crate::services::staff_application::{self, StaffMember};
use crate::state::AppState;
use nhi_core::api::{ProblemCode, StaffApplication, StaffPersonCheck};
use nhi_core::domain::card_application::MAX_UPLOAD_BYTES;
use nhi_core::domain::IdNumber;
use nhi_core::tr;

/// The form: three images up to the upload limit each, with room for the text fields.
pub const FORM_BYTES: usize = 3 * MAX_UPLOAD_BYTES + 64 * 1024;

/// What the clerk typed, kept to show again when something is refused (the images are not:
/// the browser cannot be given a file back, and they are the person's).
#[derive(Default, Clone)]
struct Typed {
    id_number: String,
    name: String,
    birth_date: String,
    consented: bool,
    contact_phone: String,
    email: String,
}

#[derive(Default)]
struct CounterForm {
    typed: Typed,
    consent_form: Vec<u8>,
    id_document: Vec<u8>,
    photo: Vec<u8>,
}

impl CounterForm {
    /// Reads the form; the error is the status it earns (413 past the limit, 400 unreadable).
    async fn read(mut multipart: Multipart) -> Result<Self, StatusCode> {
        let mut form = Self::default();
        let status = |e: MultipartError| e.status();
        while let Some(field) = multipart.next_field().await.map_err(status)? {
            let name = field.name().unwrap_or_default().to_owned();
            let bytes = field.bytes().await.map_err(status)?;
            let text = || {
                String::from_utf8_lossy(&bytes)
                    .trim()
                    .chars()
                    .take(200)
                    .collect()
            };
            let t = &mut form.typed;
            match name.as_str() {
                "id_number" => t.id_number = text(),
                "name" => t.name = text(),
                "birth_date" => t.birth_date = text(),
                "consented" => t.consented = !bytes.is_empty(),
                "contact_phone" => t.contact_phone = text(),
                "email" => t.email = text(),
                "consent_form" => form.consent_form = bytes.to_vec(),
                "id_document" => form.id_document = bytes.to_vec(),
                "photo" => form.photo = bytes.to_vec(),
                _ => {}
            }
        }
        Ok(form)
    }
}

#[derive(Template)]
#[template(path = "review/counter_application.html")]
struct CounterApplicationPage {
    page: PageLang,
    reviewer: String,
    typed: Typed,
    error: Option<String>,
    /// The application filed: (number, what the clerk is told).
    filed: Option<(i64, String)>,
}

pub async fn form(page: PageLang, SignedIn(reviewer): SignedIn<Reviewer>) -> Response {
    render(&CounterApplicationPage {
        page,
        reviewer: reviewer.username,
        typed: Typed::default(),
        error: None,
        filed: None,
    })
}

pub async fn submit(
    page: PageLang,
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    SignedIn(reviewer): SignedIn<Reviewer>,
    multipart: Multipart,
) -> Result<Response, ApiError> {
    let form = match CounterForm::read(multipart).await {
        Ok(form) => form,
        Err(status) => {
            let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
                page.t("error-file-too-large-upload")
            } else {
                page.t("error-some-data-sent-not")
            };
            let again = page_with(&page, &reviewer.username, Typed::default(), message);
            return Ok((status, again).into_response());
        }
    };
    let typed = form.typed.clone();
    let answer = match take(&state, &reviewer.username, form, &page, peer).await? {
        Ok((number, name)) => render(&CounterApplicationPage {
            filed: Some((
                number,
                tr!(
                    page.lang,
                    "review-counter-done",
                    name = name,
                    number = number
                ),
            )),
            page,
            reviewer: reviewer.username,
            typed: Typed::default(),
            error: None,
        }),
        Err(message) => {
            let again = page_with(&page, &reviewer.username, typed, message);
            (StatusCode::UNPROCESSABLE_ENTITY, again).into_response()
        }
    };
    Ok(answer)
}

fn page_with(page: &PageLang, reviewer: &str, typed: Typed, error: String) -> Response {
    render(&CounterApplicationPage {
        page: page.clone(),
        reviewer: reviewer.to_owned(),
        typed,
        error: Some(error),
        filed: None,
    })
}

/// Files the application: the checks that cost nothing first, the person before the images
/// are decoded; a refusal is the clerk's message.
async fn take(
    state: &AppState,
    username: &str,
    form: CounterForm,
    page: &PageLang,
    peer: SocketAddr,
) -> Result<Result<(i64, String), String>, ApiError> {
    let t = &form.typed;
    let Ok(birth_date) = t.birth_date.parse() else {
        return Ok(Err(page.t("staff-birth-date-required")));
    };
    if t.name.is_empty() {
        return Ok(Err(page.t("staff-name-required")));
    }
    if !t.consented {
        return Ok(Err(page.t("error-staff-consent-required")));
    }
    if [&form.consent_form, &form.id_document, &form.photo]
        .iter()
        .any(|f| f.is_empty())
    {
        return Ok(Err(page.t("review-counter-files-missing")));
    }
    let Some((name, _)) = state.store.find_reviewer(username).await? else {
        return Err(ApiError::Unauthenticated);
    };
    let staff = staff_application::counter_staff(username, &name);
    let person = StaffPersonCheck {
        id_number: t.id_number.clone(),
        name: t.name.clone(),
        birth_date,
    };
    let outcome = file(state, &staff, person, form, page, peer).await;
    Ok(match outcome {
        Ok(filed) => Ok(filed),
        Err(ApiError::Refused(problem)) => Err(refusal(problem.code, &problem, page)),
        Err(ApiError::InvalidIdNumber(_)) => Err(page.t("error-id-number-not-valid")),
        Err(ApiError::InvalidRequest(why)) if why.starts_with("contact_phone") => {
            Err(page.t("card-contact-phone-must-mobile"))
        }
        Err(ApiError::InvalidRequest(why)) if why.starts_with("email") => {
            Err(page.t("card-e-mail-address-not"))
        }
        Err(other) => return Err(other),
    })
}

async fn file(
    state: &AppState,
    staff: &StaffMember,
    person: StaffPersonCheck,
    form: CounterForm,
    page: &PageLang,
    peer: SocketAddr,
) -> Result<(i64, String), ApiError> {
    let client = peer.ip();
    staff_application::check_person(state, staff, &person, client).await?;
    let id = IdNumber::parse(&person.id_number)?;
    let mut uploaded = Vec::new();
    for (kind, bytes) in [
        (ImageKind::ConsentForm, form.consent_form),
        (ImageKind::IdDocument, form.id_document),
        (ImageKind::Photo, form.photo),
    ] {
        let body = Ok(Bytes::from(bytes));
        let answer = staff_application::upload(state, staff, &id, kind, body).await?;
        uploaded.push(answer.upload_id);
    }
    let [consent_form_upload, document_upload, photo_upload] =
        <[String; 3]>::try_from(uploaded).expect("three uploads");
    let request = StaffApplication {
        person,
        consented: form.typed.consented,
        consent_form_upload,
        document_upload,
        photo_upload,
        contact_phone: form.typed.contact_phone,
        email: form.typed.email,
    };
    let filed = staff_application::apply(state, staff, &request, page.lang, client).await?;
    Ok((filed.number, filed.name))
}

/// A refusal in the clerk's words.
fn refusal(code: ProblemCode, problem: &nhi_core::api::Problem, page: &PageLang) -> String {
    use ProblemCode as C;
    let minutes = problem.retry_after_seconds.unwrap_or(60).div_ceil(60);
    match code {
        C::PersonMismatch => match problem.attempts_left {
            Some(n) => {
                page.t("error-staff-person-mismatch") + &tr!(page.lang, "common-tries-left", n = n)
            }
            None => page.t("error-staff-person-mismatch"),
        },
        C::ApplicationOpen => page.t("error-staff-application-open"),
        C::CardAlreadyApproved => page.t("error-staff-card-approved"),
        C::ConsentRequired => page.t("error-staff-consent-required"),
        C::CardVoided => page.t("review-counter-card-voided"),
        C::BadImage => page.t("review-counter-bad-image"),
        C::TooManyAttempts => tr!(page.lang, "error-too-many-attempts", minutes = minutes),
        C::InvalidIdNumber => page.t("error-id-number-not-valid"),
        _ => page.t("error-something-went-wrong-server"),
    }
}
