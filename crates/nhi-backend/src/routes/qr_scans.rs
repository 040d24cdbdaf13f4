//! `POST /api/v1/qr-scans`: the app uploads a photo or screenshot, the server reads its QR
//! codes (see `backend::services::qr_scan` for how bad images are kept harmless).

use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::Json;
use std::net::SocketAddr;

use crate::error::ApiError;
use crate::heavy::Work;
use crate::http::upload::{read_capped, UploadError};
use crate::services::attempt_guard;
use crate::services::qr_scan::{self, ScanError, MAX_UPLOAD_BYTES};
use crate::state::AppState;
use nhi_core::api::{Problem, QrScanResponse};
use nhi_core::domain::attempt_limit::QR_SCANS_PER_CLIENT;

#[utoipa::path(post, path = "/qr-scans", request_body(content = Vec<u8>, content_type = "image/*"),
    responses(
        (status = 200, body = QrScanResponse),
        (status = 413, body = Problem, content_type = "application/problem+json", description = "bad_image (too large)"),
        (status = 415, body = Problem, content_type = "application/problem+json", description = "bad_image (not an image)"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "qr_unreadable"),
        (status = 429, body = Problem, content_type = "application/problem+json", description = "too_many_attempts: the client's rate of scans"),
    ))]
pub async fn scan(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    body: Body,
) -> Result<Json<QrScanResponse>, ApiError> {
    // Anyone may scan (the device code is read before sign-in), so each client address gets
    // a rate; every scan counts, read or not. The body is read only once the scan is let in.
    let _counted = attempt_guard::reserve(
        &state,
        &[(format!("qr-scans:{}", peer.ip()), QR_SCANS_PER_CLIENT)],
    )
    .await?;
    let body = read_capped(body, MAX_UPLOAD_BYTES)
        .await
        .map_err(|e| match e {
            UploadError::TooLarge => ApiError::from(ScanError::TooLarge),
            UploadError::Broken => ApiError::InvalidRequest("the upload broke off".into()),
        })?;
    // A stranger's scans take turns of their own: they cannot fill the image workers that
    // clinics verify with.
    let texts = qr_scan::scan_upload(Work::AnonymousImage, body).await?;
    Ok(Json(QrScanResponse { texts }))
}
