//! The counter page: real HTML for a clinic clerk. Put in the institution's cards (typed
//! here, as the card readers would supply them), then paste the scanned QR text or upload a
//! photo or screenshot of the patient's code; see who it is, or why not, in plain words.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;

use super::error::ApiError;
use super::routes::read_card_qr;
use super::site::pages::render;
use super::state::AppState;
use super::verification::{authenticate, verify, Credentials};
use crate::api::Verification;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/counter", get(form).post(submit))
        .with_state(state)
}

struct Refusal {
    title: String,
    detail: String,
    his_code: Option<u16>,
}

#[derive(Template)]
#[template(path = "counter/counter.html")]
struct CounterPage {
    institution_code: String,
    hpc_id: String,
    result: Option<Verification>,
    refusal: Option<Refusal>,
}

async fn form() -> Response {
    render(&CounterPage {
        institution_code: String::new(),
        hpc_id: String::new(),
        result: None,
        refusal: None,
    })
}

async fn submit(
    State(state): State<AppState>,
    mut multipart: Multipart,
) -> Result<Response, ApiError> {
    let mut credentials = Credentials::default();
    let mut payload = String::new();
    let mut image = Vec::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| ApiError::InvalidRequest(e.to_string()))?
    {
        let name = field.name().unwrap_or_default().to_owned();
        let bytes = field
            .bytes()
            .await
            .map_err(|e| ApiError::InvalidRequest(e.to_string()))?;
        let text = || String::from_utf8_lossy(&bytes).trim().to_owned();
        match name.as_str() {
            "institution_code" => credentials.institution_code = text(),
            "sam_key" => credentials.sam_key = text(),
            "hpc_id" => credentials.hpc_id = text(),
            "hpc_pin" => credentials.hpc_pin = text(),
            "payload" => payload = text(),
            "image" => image = bytes.to_vec(),
            _ => {}
        }
    }
    let outcome = async {
        let institution = authenticate(&state, &credentials).await?;
        if payload.is_empty() {
            if image.is_empty() {
                return Err(ApiError::InvalidRequest(
                    "貼上 QR 碼內容或上傳照片 Paste the QR text or upload a photo".into(),
                ));
            }
            payload = read_card_qr(image.into()).await?;
        }
        verify(&state, &institution, &payload).await
    }
    .await;
    let (result, refusal) = match outcome {
        Ok(v) => (Some(v), None),
        Err(ApiError::Refused(p)) => (
            None,
            Some(Refusal {
                title: p.title.clone(),
                detail: p.detail.clone().unwrap_or_default(),
                his_code: p.his_code,
            }),
        ),
        Err(ApiError::InvalidRequest(why)) => (
            None,
            Some(Refusal {
                title: "無法驗證 Cannot verify".into(),
                detail: why,
                his_code: None,
            }),
        ),
        Err(other) => return Err(other),
    };
    Ok(render(&CounterPage {
        institution_code: credentials.institution_code,
        hpc_id: credentials.hpc_id,
        result,
        refusal,
    }))
}
