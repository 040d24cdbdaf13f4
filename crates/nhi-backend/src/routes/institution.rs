//! The institution side of the API: verifying a scanned card QR (the payload, or an image of
//! it decoded here), and the public list of institutions.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;

use crate::error::{ApiError, ApiJson};
use crate::services::institution_cards::{hpc_pin_subject, InstitutionCaller, InstitutionModule};
use crate::services::qr_scan::{read_card_qr, ScanError};
use crate::services::verification::verify;
use crate::state::AppState;
use nhi_core::api::{Institution, Problem, ProblemCode, Verification, VerifyRequest};
use nhi_core::domain::search_text::{self, matches, MAX_SEARCH_CHARS};

#[utoipa::path(post, path = "/institution/verifications", request_body = VerifyRequest,
    params(("X-Institution-Code" = String, Header), ("X-SAM-Key" = String, Header), ("X-HPC-Id" = String, Header), ("X-HPC-PIN" = String, Header)),
    responses(
        (status = 200, body = Verification, description = "Identity and visit sequence; the QR is consumed"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "institution_credentials (his_code 4012 / 4014)"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "not_in_programme (1042), card_voided (3203)"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "qr_not_found (1019)"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "qr_reused (1020)"),
        (status = 410, body = Problem, content_type = "application/problem+json", description = "qr_expired (1018)"),
    ))]
pub async fn verify_payload(
    State(state): State<AppState>,
    InstitutionCaller(institution): InstitutionCaller,
    ApiJson(request): ApiJson<VerifyRequest>,
) -> Result<Json<Verification>, ApiError> {
    verify(&state, &institution, &request.qr_payload)
        .await
        .map(Json)
}

#[utoipa::path(post, path = "/institution/verifications/image", request_body(content = Vec<u8>, content_type = "image/*"),
    params(("X-Institution-Code" = String, Header), ("X-SAM-Key" = String, Header), ("X-HPC-Id" = String, Header), ("X-HPC-PIN" = String, Header)),
    responses(
        (status = 200, body = Verification),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "institution_credentials (his_code 4012 / 4014)"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "not_in_programme (1042), card_voided (3203), authorization_inactive"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "qr_not_found (1019)"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "qr_reused (1020)"),
        (status = 410, body = Problem, content_type = "application/problem+json", description = "qr_expired (1018)"),
        (status = 413, body = Problem, content_type = "application/problem+json", description = "bad_image (too large)"),
        (status = 415, body = Problem, content_type = "application/problem+json", description = "bad_image (not an image)"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "qr_unreadable"),
    ))]
pub async fn verify_image(
    State(state): State<AppState>,
    InstitutionCaller(institution): InstitutionCaller,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Verification>, ApiError> {
    // The body limit's own refusal is the scanner's "too large".
    let bytes = body.map_err(|_| ScanError::TooLarge)?;
    let payload = read_card_qr(bytes).await?;
    verify(&state, &institution, &payload).await.map(Json)
}

#[derive(Debug, Deserialize)]
pub struct InstitutionQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub department: String,
}

/// Institutions that accept the virtual card, filtered by name, area and department.
#[utoipa::path(get, path = "/institutions",
    params(("q" = Option<String>, Query), ("area" = Option<String>, Query), ("department" = Option<String>, Query)),
    responses((status = 200, body = Vec<Institution>),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "search_too_long")))]
pub async fn list(
    State(state): State<AppState>,
    Query(query): Query<InstitutionQuery>,
) -> Result<Json<Vec<Institution>>, ApiError> {
    if !search_text::within_limit(&[&query.q, &query.area, &query.department]) {
        return Err(ApiError::refuse(
            ProblemCode::SearchTooLong,
            format!("A search field takes at most {MAX_SEARCH_CHARS} characters."),
        ));
    }
    // 台北 finds 臺北, full-width finds half-width (`domain::search_text`).
    let list = state
        .store
        .institutions()
        .await?
        .into_iter()
        .filter(|i| i.accepts_virtual_card)
        .filter(|i| matches(&i.name, &query.q) && matches(&i.area, &query.area))
        // By department: only where that department takes the virtual card.
        .filter(|i| {
            query.department.trim().is_empty()
                || i.accepting_departments()
                    .iter()
                    .any(|d| matches(d, &query.department))
        })
        .map(|i| Institution {
            accepting_departments: i.accepting_departments(),
            code: i.code,
            name: i.name,
            area: i.area,
            address: i.address,
            departments: i.departments,
            accepts_virtual_card: i.accepts_virtual_card,
        })
        .collect();
    Ok(Json(list))
}

/// Unblocks one of the institution's professional cards after three wrong PINs (as the
/// card management of a real HPC does), with the institution's security module card.
#[utoipa::path(post, path = "/institution/professionals/{hpc_id}/unblock",
    params(("hpc_id" = String, Path, description = "The professional card"),
        ("X-Institution-Code" = String, Header), ("X-SAM-Key" = String, Header)),
    responses(
        (status = 204, description = "Unblocked: the PIN can be tried again"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "institution_credentials (his_code 4012)"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "not_found: no such card at this institution"),
        (status = 429, body = Problem, content_type = "application/problem+json", description = "too_many_attempts"),
    ))]
pub async fn unblock_professional(
    State(state): State<AppState>,
    InstitutionModule(institution): InstitutionModule,
    Path(hpc_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let ours = state
        .store
        .find_professional(&hpc_id)
        .await?
        .is_some_and(|(code, _)| code == institution.code);
    if !ours {
        return Err(ApiError::NotFound);
    }
    state
        .store
        .clear_attempts(&hpc_pin_subject(&hpc_id))
        .await?;
    tracing::info!(institution = %institution.code, %hpc_id, "professional card unblocked");
    Ok(StatusCode::NO_CONTENT)
}
