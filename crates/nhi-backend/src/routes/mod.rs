//! The JSON API (mounted under `/api/v1` by `startup`), one file per resource, with its
//! OpenAPI document; and the web build of the app, served at `/`.

mod announcements;
mod authorizations;
mod card;
mod card_qr;
mod card_uses;
mod device_bindings;
mod health;
mod health_bank;
mod institution;
mod me;
mod openapi;
mod qr_scans;
mod quick_sign_in;
mod sessions;
mod staff_applications;
mod video_visits;
mod web_app;

use std::path::Path;

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::routing::get;
use axum::{middleware, Json, Router};
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::state::AppState;
use crate::http::guards;
use nhi_core::api::{paths, V1};

pub use openapi::ApiDoc;

/// Body limits of the routes that take images.
fn images_up_to(bytes: usize) -> DefaultBodyLimit {
    DefaultBodyLimit::max(bytes)
}

/// The JSON API and its OpenAPI document, from one list: each handler's `#[utoipa::path]`
/// names its route, so the document cannot drift from what is served.
fn documented_api() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    use crate::services::qr_scan::MAX_UPLOAD_BYTES as SCAN_BYTES;
    use nhi_core::domain::card_application::MAX_UPLOAD_BYTES as CARD_BYTES;
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(health::health))
        .routes(routes!(sessions::login))
        .routes(routes!(sessions::logout))
        .routes(routes!(me::me))
        .routes(routes!(me::change_password))
        .routes(routes!(device_bindings::phone_check))
        .routes(routes!(device_bindings::bind))
        .routes(routes!(announcements::latest))
        .routes(routes!(card::card, card::cancel))
        .routes(routes!(card::photo))
        .routes(routes!(card::apply, card::records))
        .routes(routes!(card_qr::issue))
        .routes(routes!(card_qr::status))
        .routes(routes!(card_uses::list))
        .routes(routes!(video_visits::list))
        .routes(routes!(video_visits::answer))
        .routes(routes!(video_visits::recent, video_visits::create))
        .routes(routes!(video_visits::status, video_visits::cancel))
        .routes(routes!(institution::verify_payload))
        .routes(routes!(institution::list))
        .routes(routes!(institution::unblock_professional))
        .routes(routes!(authorizations::list, authorizations::create))
        .routes(routes!(authorizations::redeem))
        .routes(routes!(authorizations::cancel))
        .routes(routes!(authorizations::delegate_qr))
        .routes(routes!(health_bank::overview))
        .routes(routes!(health_bank::request))
        .routes(routes!(health_bank::category))
        .routes(routes!(health_bank::record))
        .routes(routes!(quick_sign_in::challenge))
        .routes(routes!(quick_sign_in::sign_in))
        .routes(routes!(quick_sign_in::list, quick_sign_in::enrol))
        .routes(routes!(quick_sign_in::remove))
        .routes(routes!(quick_sign_in::begin_passkey_registration))
        .routes(routes!(quick_sign_in::enrol_passkey))
        .routes(routes!(quick_sign_in::begin_passkey_sign_in))
        .routes(routes!(quick_sign_in::passkey_sign_in))
        .routes(routes!(staff_applications::check_person))
        .routes(routes!(staff_applications::apply))
        .routes(routes!(staff_applications::counter_staff_sign_in))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(institution::verify_image))
                .layer(images_up_to(SCAN_BYTES)),
        )
        // (`qr_scans::scan` reads its body itself, after its rate limit.)
        .routes(routes!(qr_scans::scan))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(card::upload_document))
                .routes(routes!(card::upload_photo))
                .routes(routes!(staff_applications::upload))
                .layer(images_up_to(CARD_BYTES)),
        )
        .split_for_parts()
}

/// The JSON API with its document at `paths::OPENAPI`, every answer a problem document on
/// failure and none kept by a shared cache. Paths are relative to `V1`, where it is mounted.
pub fn api(state: AppState) -> Router {
    let (api, mut doc) = documented_api();
    // The API is nested under /api/v1 by startup; its document names the full paths.
    doc.paths.paths = std::mem::take(&mut doc.paths.paths)
        .into_iter()
        .map(|(path, item)| (format!("{V1}{path}"), item))
        .collect();
    openapi::declare_every_answer(&mut doc);
    let doc = Arc::new(doc);
    api.route(
        paths::OPENAPI,
        get(move || {
            let doc = doc.clone();
            async move { Json(doc.as_ref().clone()) }
        }),
    )
    .fallback(|| async { ApiError::NotFound })
    // axum's own rejections (path and query parameters, 405, 413) as problem documents.
    .layer(middleware::from_fn(guards::problem_errors))
    // Answers carry personal data: no cache keeps them, unless a route says otherwise (the
    // approved photo by its version, kept by its owner's browser).
    .layer(SetResponseHeaderLayer::if_not_present(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    ))
    .with_state(state)
}

/// The web build of the app, from `web_dir` when there is one.
pub fn web_app(web_dir: Option<&Path>) -> Router {
    web_app::router(web_dir)
}
