//! The router: the JSON API under `/api/v1`, and the web build of the app at `/`.

mod health;
mod me;
mod openapi;
mod sessions;
mod web_app;

use std::path::Path;

use axum::http::{header, HeaderValue};
use axum::routing::{delete, get, post};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use super::error::ApiError;
use super::state::AppState;
use crate::api::{paths, V1};

pub use openapi::ApiDoc;

pub fn router(state: AppState, web_dir: Option<&Path>) -> Router {
    let api = Router::new()
        .route(paths::HEALTH, get(health::health))
        .route(paths::SESSIONS, post(sessions::login))
        .route(paths::CURRENT_SESSION, delete(sessions::logout))
        .route(paths::ME, get(me::me))
        .route(paths::OPENAPI, get(openapi::document))
        .fallback(|| async { ApiError::NotFound })
        // Answers carry personal data: never let a shared cache keep them.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(state);
    Router::new()
        .nest(V1, api)
        .merge(web_app::router(web_dir))
        .layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(TraceLayer::new_for_http())
}
