//! The web build of the app, served from the same origin as the API. Unknown paths get
//! `index.html` so the app's own router can handle deep links like `/login`.
//!
//! The build step names the big files by their content (`nhi-web-<hash>…`) and gzips every
//! file once: those names are kept by browsers for a year, everything else is checked again
//! on each visit (`no-cache` with Last-Modified), and a browser gets the precompressed file
//! it accepts: brotli (the wasm a fifth smaller than gzip), else gzip.

use std::path::Path;

use axum::extract::Request;
use axum::http::header::CACHE_CONTROL;
use axum::http::HeaderValue;
use axum::middleware::{self, Next};
use axum::response::{Html, Response};
use axum::routing::get;
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

/// Files whose name carries their content's hash.
const HASHED_PREFIX: &str = "/nhi-web-";

pub fn router(web_dir: Option<&Path>) -> Router {
    match web_dir {
        Some(dir) => Router::new()
            .fallback_service(
                ServeDir::new(dir)
                    .precompressed_br()
                    .precompressed_gzip()
                    .fallback(
                        ServeFile::new(dir.join("index.html"))
                            .precompressed_br()
                            .precompressed_gzip(),
                    ),
            )
            .layer(middleware::from_fn(cache_policy)),
        None => Router::new().route("/", get(|| async { Html(LANDING) })),
    }
}

async fn cache_policy(request: Request, next: Next) -> Response {
    let hashed = request.uri().path().starts_with(HASHED_PREFIX);
    let mut response = next.run(request).await;
    if response.status().is_success() {
        let policy = if hashed {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    response
}

const LANDING: &str = r#"<!doctype html>
<html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>NHI Express reference backend</title></head>
<body><h1>全民健保行動快易通 — reference backend</h1>
<p>The API is at <a href="/api/v1/health">/api/v1</a>; its description at
<a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. Start with <code>--web-dir</code> to serve the web app here.</p>
</body></html>"#;
