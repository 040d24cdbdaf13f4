use axum::Json;
use serde_json::{json, Value};

/// Liveness, for testers and load balancers.
#[utoipa::path(get, path = "/health", responses((status = 200, description = "Serving")))]
pub async fn health() -> Json<Value> {
    Json(json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))
}
