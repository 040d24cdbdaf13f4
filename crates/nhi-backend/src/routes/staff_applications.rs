//! 專案申請 through the institution API: a professional of a home-care plan institution
//! checks the person, uploads the consent form, the ID document and the photo for them, and
//! files the application. The flow is `services::staff_application`.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use std::net::SocketAddr;

use crate::error::{ApiError, ApiJson};
use crate::pages::review::STAFF_DOOR;
use crate::pages::PageLang;
use crate::services::card_images::ImageKind;
use crate::services::staff_application::{self, ApplyingStaff};
use crate::services::staff_sign_in::{self, Refused};
use crate::state::AppState;
use nhi_core::api::{
    CounterStaffLogin, CounterStaffSession, Problem, StaffApplication, StaffApplicationFiled,
    StaffPersonCheck, StaffPersonChecked, UploadResponse,
};
use nhi_core::domain::IdNumber;

/// Checks the person against the insurance records (name, birth date) and that the
/// institution may apply for them.
#[utoipa::path(post, path = "/institution/card-applications/person-checks", request_body = StaffPersonCheck,
    params(("X-Institution-Code" = Option<String>, Header), ("X-SAM-Key" = Option<String>, Header), ("X-HPC-Id" = Option<String>, Header), ("X-HPC-PIN" = Option<String>, Header), ("X-Staff-Session" = Option<String>, Header, description = "counter staff, instead of the cards")),
    responses(
        (status = 200, body = StaffPersonChecked),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "institution_credentials"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "not_in_home_care_plan, not_a_case, card_voided"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "application_open, card_already_approved"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "person_mismatch (with attempts_left), invalid_id_number"),
        (status = 423, body = Problem, content_type = "application/problem+json", description = "professional_card_blocked"),
    ))]
pub async fn check_person(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApplyingStaff(staff): ApplyingStaff,
    ApiJson(typed): ApiJson<StaffPersonCheck>,
) -> Result<Json<StaffPersonChecked>, ApiError> {
    let person = staff_application::check_person(&state, &staff, &typed, peer.ip()).await?;
    Ok(Json(staff_application::checked(&person)))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ForPerson {
    /// The person the image is for.
    id_number: String,
}

/// An image for the person's application: `consent_form` (the signed form), `id_document`
/// or `photo`, checked as the person's own uploads are.
#[utoipa::path(post, path = "/institution/card-applications/uploads/{kind}",
    params(("kind" = String, Path, description = "consent_form, id_document or photo"), ForPerson,
        ("X-Institution-Code" = Option<String>, Header), ("X-SAM-Key" = Option<String>, Header), ("X-HPC-Id" = Option<String>, Header), ("X-HPC-PIN" = Option<String>, Header), ("X-Staff-Session" = Option<String>, Header, description = "counter staff, instead of the cards")),
    request_body(content = Vec<u8>, content_type = "image/jpeg"),
    responses(
        (status = 201, body = UploadResponse),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "not_in_home_care_plan, not_a_case"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "no such kind"),
        (status = 413, body = Problem, content_type = "application/problem+json", description = "bad_image (too large)"),
        (status = 415, body = Problem, content_type = "application/problem+json", description = "bad_image (not an image)"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "bad_image (too small), invalid_id_number"),
    ))]
pub async fn upload(
    State(state): State<AppState>,
    ApplyingStaff(staff): ApplyingStaff,
    Path(kind): Path<String>,
    Query(person): Query<ForPerson>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<UploadResponse>), ApiError> {
    let kind = match kind.as_str() {
        "consent_form" => ImageKind::ConsentForm,
        "id_document" => ImageKind::IdDocument,
        "photo" => ImageKind::Photo,
        _ => return Err(ApiError::NotFound),
    };
    let id = IdNumber::parse(&person.id_number)?;
    let uploaded = staff_application::upload(&state, &staff, &id, kind, body).await?;
    Ok((StatusCode::CREATED, Json(uploaded)))
}

/// Files the application for the person; they are told by e-mail and SMS.
#[utoipa::path(post, path = "/institution/card-applications", request_body = StaffApplication,
    params(("X-Institution-Code" = Option<String>, Header), ("X-SAM-Key" = Option<String>, Header), ("X-HPC-Id" = Option<String>, Header), ("X-HPC-PIN" = Option<String>, Header), ("X-Staff-Session" = Option<String>, Header, description = "counter staff, instead of the cards")),
    responses(
        (status = 201, body = StaffApplicationFiled, description = "Under review; the person was told"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "not_in_home_care_plan, not_a_case, card_voided"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "application_open, card_already_approved"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "consent_required, person_mismatch, upload_not_found, invalid_id_number"),
    ))]
pub async fn apply(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    lang: PageLang,
    ApplyingStaff(staff): ApplyingStaff,
    ApiJson(request): ApiJson<StaffApplication>,
) -> Result<(StatusCode, Json<StaffApplicationFiled>), ApiError> {
    let filed = staff_application::apply(&state, &staff, &request, lang.lang, peer.ip()).await?;
    Ok((StatusCode::CREATED, Json(filed)))
}

/// NHIA counter staff (臨櫃人員) sign in with their staff account to apply for people in the
/// app; the token goes in `X-Staff-Session`. The same attempt limit as the console's login.
#[utoipa::path(post, path = "/counter-staff/sessions", request_body = CounterStaffLogin,
    responses(
        (status = 201, body = CounterStaffSession),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "wrong_credentials (with attempts_left)"),
        (status = 429, body = Problem, content_type = "application/problem+json", description = "too_many_attempts"),
    ))]
pub async fn counter_staff_sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiJson(login): ApiJson<CounterStaffLogin>,
) -> Result<(StatusCode, Json<CounterStaffSession>), ApiError> {
    let checked = staff_sign_in::check(&state, &login.username, login.password, peer.ip()).await?;
    let (username, name) = match checked {
        Ok(staff) => staff,
        Err(Refused::Wrong { left }) => {
            return Err(ApiError::WrongCredentials {
                attempts_left: Some(left),
            })
        }
        Err(Refused::Locked(lockout)) => return Err(ApiError::too_many_attempts(lockout.seconds)),
    };
    let token = STAFF_DOOR.open(&state, &username, None).await?;
    let name = staff_application::counter_staff(&username, &name).name;
    Ok((
        StatusCode::CREATED,
        Json(CounterStaffSession { token, name }),
    ))
}
