//! The router: the JSON API under `/api/v1`, and the web build of the app at `/`.

mod authorizations;
mod card;
mod card_qr;
mod device_bindings;
mod health;
mod health_bank;
mod institution;
mod me;
mod openapi;
mod qr_scans;
mod sessions;
mod web_app;

use std::path::Path;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::routing::{delete, get, post};
use axum::{middleware, Router};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use super::error::ApiError;
use super::guards;
use super::state::AppState;
use crate::api::{paths, V1};

pub use institution::read_card_qr;
pub use openapi::ApiDoc;

pub fn router(state: AppState, web_dir: Option<&Path>) -> Router {
    let state_for_site = state.clone();
    let api = Router::new()
        .route(paths::HEALTH, get(health::health))
        .route(paths::SESSIONS, post(sessions::login))
        .route(paths::CURRENT_SESSION, delete(sessions::logout))
        .route(paths::ME, get(me::me))
        .route(paths::OPENAPI, get(openapi::document))
        .route(paths::PHONE_CHECKS, post(device_bindings::phone_check))
        .route(paths::DEVICE_BINDINGS, post(device_bindings::bind))
        .route(paths::CARD, get(card::card).delete(card::cancel))
        .route(paths::CARD_PHOTO, get(card::photo))
        .route(paths::CARD_QR, post(card_qr::issue))
        .route("/card/qr/{qr_id}", get(card_qr::status))
        .route(paths::VERIFICATIONS, post(institution::verify_payload))
        .route(
            paths::VERIFICATION_IMAGES,
            post(institution::verify_image).layer(DefaultBodyLimit::max(
                crate::backend::qr_scan::MAX_UPLOAD_BYTES,
            )),
        )
        .route(paths::INSTITUTIONS, get(institution::list))
        .route(
            "/institution/professionals/{hpc_id}/unblock",
            post(institution::unblock_professional),
        )
        .route(
            paths::AUTHORIZATIONS,
            get(authorizations::list).post(authorizations::create),
        )
        .route(paths::REDEMPTIONS, post(authorizations::redeem))
        .route("/authorizations/{id}", delete(authorizations::cancel))
        .route("/authorizations/{id}/qr", post(authorizations::delegate_qr))
        .route(paths::HEALTH_BANK, get(health_bank::overview))
        .route(paths::HEALTH_REQUESTS, post(health_bank::request))
        .route(
            "/health-bank/categories/{category}",
            get(health_bank::category),
        )
        .route("/health-bank/records/{id}", get(health_bank::record))
        .route(paths::CARD_APPLICATIONS, post(card::apply))
        .route(
            paths::DOCUMENT_UPLOADS,
            post(card::upload_document).layer(DefaultBodyLimit::max(
                crate::domain::card_application::MAX_UPLOAD_BYTES,
            )),
        )
        .route(
            paths::PHOTO_UPLOADS,
            post(card::upload_photo).layer(DefaultBodyLimit::max(
                crate::domain::card_application::MAX_UPLOAD_BYTES,
            )),
        )
        .route(
            paths::QR_SCANS,
            post(qr_scans::scan).layer(DefaultBodyLimit::max(
                crate::backend::qr_scan::MAX_UPLOAD_BYTES + 1,
            )),
        )
        .fallback(|| async { ApiError::NotFound })
        // axum's own rejections (path and query parameters, 405, 413) as problem documents.
        .layer(middleware::from_fn(guards::problem_errors))
        // Answers carry personal data: never let a shared cache keep them.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(state);
    Router::new()
        .nest(V1, api)
        .merge(crate::backend::site::router(state_for_site.clone()))
        .merge(crate::backend::review::router(state_for_site.clone()))
        .merge(crate::backend::counter::router(state_for_site))
        .merge(web_app::router(web_dir))
        .layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(middleware::from_fn(guards::page_headers))
        .layer(middleware::from_fn(guards::same_origin_forms))
        // A panicking handler answers 500 (a problem document) and the server carries on.
        .layer(CatchPanicLayer::custom(guards::panic_as_problem))
        .layer(TraceLayer::new_for_http())
}
