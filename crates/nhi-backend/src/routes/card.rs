//! The Virtual NHI Card: its state, uploading the two images, applying, cancelling, and the
//! approved photo (for its owner only).

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use serde::Deserialize;

use crate::auth::sessions::person_view;
use crate::auth::CurrentSession;
use crate::error::{ApiError, ApiJson};
use crate::services::card_images::{self, ImageKind};
use crate::services::card_review;
use crate::state::AppState;
use crate::store::{Application, NewApplication, PersonRecord, Upload};
use nhi_core::api::{
    ApplicationRecord, ApplicationView, CardState, CardView, Problem, ProblemCode,
    SubmitApplication, UploadResponse,
};
use nhi_core::domain::card_application::{required_document, ApplicationStatus};

fn view(state: &AppState, person: &PersonRecord, current: Option<Application>) -> CardView {
    let card_state = match current.as_ref().map(|a| a.status) {
        Some(ApplicationStatus::UnderReview) => CardState::UnderReview,
        Some(ApplicationStatus::Approved) => CardState::Approved,
        Some(ApplicationStatus::Rejected) => CardState::Rejected,
        _ => CardState::None,
    };
    let application = current
        .filter(|_| card_state != CardState::None)
        .map(|a| ApplicationView {
            photo_version: (a.status == ApplicationStatus::Approved)
                .then(|| a.photo_upload.clone()),
            number: a.id,
            submitted_at: a.submitted_at,
            decided_at: a.decided_at,
            reject_reason: a.reject_reason,
            reject_note: a.reject_note,
            contact_phone: a.contact_phone,
            email: a.email,
            channel: a.channel,
            applied_by: a.applied_by_name,
        });
    CardView {
        state: card_state,
        person: person_view(person),
        required_document: required_document(
            person.id_number.kind(),
            person.birth_date,
            state.clock.now().date_naive(),
        ),
        application,
    }
}

async fn current(state: &AppState, person: &PersonRecord) -> Result<Option<Application>, ApiError> {
    Ok(state.store.current_application(&person.id_number).await?)
}

#[utoipa::path(get, path = "/card", security(("bearer" = [])),
    responses((status = 200, body = CardView), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn card(
    State(state): State<AppState>,
    me: CurrentSession,
) -> Result<Json<CardView>, ApiError> {
    let person = me.session.person;
    let current = current(&state, &person).await?;
    Ok(Json(view(&state, &person, current)))
}

#[utoipa::path(post, path = "/card/uploads/id-document", security(("bearer" = [])),
    request_body(content = Vec<u8>, content_type = "image/jpeg"),
    responses((status = 201, body = UploadResponse), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 415, body = Problem, content_type = "application/problem+json")))]
pub async fn upload_document(
    State(state): State<AppState>,
    me: CurrentSession,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<UploadResponse>), ApiError> {
    upload(&state, &me.session.person, ImageKind::IdDocument, body).await
}

#[utoipa::path(post, path = "/card/uploads/photo", security(("bearer" = [])),
    request_body(content = Vec<u8>, content_type = "image/jpeg"),
    responses((status = 201, body = UploadResponse), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 415, body = Problem, content_type = "application/problem+json")))]
pub async fn upload_photo(
    State(state): State<AppState>,
    me: CurrentSession,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<UploadResponse>), ApiError> {
    upload(&state, &me.session.person, ImageKind::Photo, body).await
}

/// Checks an upload by decoding it (never by its name or declared type) and keeps it.
async fn upload(
    state: &AppState,
    person: &PersonRecord,
    kind: ImageKind,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<UploadResponse>), ApiError> {
    let prepared = card_images::prepare(kind, body).await?;
    let (width, height) = (prepared.width, prepared.height);
    let upload = Upload {
        id: prepared.id,
        id_number: person.id_number.clone(),
        kind: kind.as_str().to_owned(),
        bytes: prepared.jpeg,
        width,
        height,
        created_at: state.clock.now(),
        uploaded_by: None,
    };
    state.store.insert_upload(&upload).await?;
    Ok((
        StatusCode::CREATED,
        Json(UploadResponse {
            upload_id: upload.id,
            width,
            height,
        }),
    ))
}

#[utoipa::path(post, path = "/card/applications", security(("bearer" = [])), request_body = SubmitApplication,
    responses(
        (status = 201, body = CardView, description = "Under review; the photo-less card is usable"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "photo_locked"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "terms_not_accepted, upload_not_found, invalid_request"),
    ))]
pub async fn apply(
    State(state): State<AppState>,
    me: CurrentSession,
    ApiJson(request): ApiJson<SubmitApplication>,
) -> Result<(StatusCode, Json<CardView>), ApiError> {
    let person = me.session.person;
    if !request.accepted_terms {
        return Err(ApiError::refuse(
            ProblemCode::TermsNotAccepted,
            "The privacy policy and the terms must be accepted to apply.",
        ));
    }
    if person.card_voided {
        return Err(ApiError::refuse(
            ProblemCode::CardVoided,
            "This NHI card is voided.",
        ));
    }
    if let Some(a) = current(&state, &person).await? {
        if a.status == ApplicationStatus::Approved {
            return Err(ApiError::refuse(
                ProblemCode::PhotoLocked,
                "The photo of an approved card cannot change: cancel the card, then apply again.",
            ));
        }
    }
    let (phone, email) =
        crate::services::application_contact::checked(&request.contact_phone, &request.email)?;
    for (id, kind) in [
        (&request.document_upload, "id_document"),
        (&request.photo_upload, "photo"),
    ] {
        let owned = state
            .store
            .find_upload(id)
            .await?
            .is_some_and(|u| u.id_number == person.id_number && u.kind == kind);
        if !owned {
            return Err(ApiError::refuse(
                ProblemCode::UploadNotFound,
                format!("No {kind} upload of yours has this id."),
            ));
        }
    }
    let now = state.clock.now();
    let number = state
        .store
        .submit_application(&NewApplication {
            id_number: person.id_number.clone(),
            document_kind: required_document(
                person.id_number.kind(),
                person.birth_date,
                now.date_naive(),
            ),
            document_upload: request.document_upload,
            photo_upload: request.photo_upload,
            contact_phone: phone.to_string(),
            email,
            submitted_at: now,
            applied_by: None,
        })
        .await?;
    let application = state
        .store
        .find_application(number)
        .await?
        .ok_or(ApiError::NotFound)?;
    card_review::mail_received(&state, &application, &person.name).await?;
    Ok((
        StatusCode::CREATED,
        Json(view(&state, &person, Some(application))),
    ))
}

/// The person's card applications, newest first: every one, whoever made it (the person, or
/// staff for them through 專案申請), and how it ended.
#[utoipa::path(get, path = "/card/applications", security(("bearer" = [])),
    responses((status = 200, body = Vec<ApplicationRecord>), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn records(
    State(state): State<AppState>,
    me: CurrentSession,
) -> Result<Json<Vec<ApplicationRecord>>, ApiError> {
    let applications = state
        .store
        .applications_of(&me.session.person.id_number)
        .await?;
    Ok(Json(
        applications
            .into_iter()
            .map(|a| ApplicationRecord {
                number: a.id,
                submitted_at: a.submitted_at,
                channel: a.channel,
                applied_by: a.applied_by_name,
                status: a.status,
                decided_at: a.decided_at,
            })
            .collect(),
    ))
}

#[utoipa::path(delete, path = "/card", security(("bearer" = [])),
    responses((status = 204, description = "Cancelled"), (status = 404, body = Problem, content_type = "application/problem+json", description = "no_card")))]
pub async fn cancel(
    State(state): State<AppState>,
    me: CurrentSession,
) -> Result<StatusCode, ApiError> {
    if state
        .store
        .cancel_card(&me.session.person.id_number, state.clock.now())
        .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::refuse(
            ProblemCode::NoCard,
            "There is no card to cancel.",
        ))
    }
}

/// `?v=`: the photo version the card names (`photo_version`).
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct PhotoVersion {
    /// The card's `photo_version`: the answer may then be kept by the browser for good.
    #[param(max_length = 100)]
    v: Option<String>,
}

/// The photo on the approved card, for its owner. Asked for by the version the card names,
/// it is the same photo for as long as that address is asked for (a new photo is a new
/// application, a new version), so the browser keeps it and a reload or the next visit
/// draws the card without fetching it again; without the version, or with another one, it
/// is not kept. Signing out clears what the browser keeps (`Clear-Site-Data`).
#[utoipa::path(get, path = "/card/photo", security(("bearer" = [])), params(PhotoVersion),
    responses((status = 200, content_type = "image/jpeg"), (status = 404, body = Problem, content_type = "application/problem+json", description = "no_card")))]
pub async fn photo(
    State(state): State<AppState>,
    me: CurrentSession,
    Query(asked): Query<PhotoVersion>,
) -> Result<impl IntoResponse, ApiError> {
    let person = me.session.person;
    let approved = current(&state, &person)
        .await?
        .filter(|a| a.status == ApplicationStatus::Approved);
    let no_photo = || ApiError::refuse(ProblemCode::NoCard, "The card has no approved photo.");
    let application = approved.ok_or_else(no_photo)?;
    let upload = state
        .store
        .find_upload(&application.photo_upload)
        .await?
        .ok_or_else(no_photo)?;
    let kept = asked.v.as_deref() == Some(application.photo_upload.as_str());
    let caching = if kept {
        "private, max-age=31536000, immutable"
    } else {
        "private, no-store"
    };
    Ok((
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            (header::CACHE_CONTROL, caching),
        ],
        upload.bytes,
    ))
}
