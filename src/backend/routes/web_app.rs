//! The web build of the app, served from the same origin as the API. Unknown paths get
//! `index.html` so the app's own router can handle deep links like `/login`.

use std::path::Path;

use axum::response::Html;
use axum::routing::get;
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

pub fn router(web_dir: Option<&Path>) -> Router {
    match web_dir {
        Some(dir) => Router::new()
            .fallback_service(ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")))),
        None => Router::new().route("/", get(|| async { Html(LANDING) })),
    }
}

const LANDING: &str = r#"<!doctype html>
<html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>NHI Express reference backend</title></head>
<body><h1>全民健保行動快易通 — reference backend</h1>
<p>The API is at <a href="/api/v1/health">/api/v1</a>; its description at
<a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. Start with <code>--web-dir</code> to serve the web app here.</p>
</body></html>"#;
