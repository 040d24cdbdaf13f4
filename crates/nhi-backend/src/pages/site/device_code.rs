//! "Mobile device verification" → "Produce verification code": a one-time 8-character code
//! and its QR, valid for 10 minutes; producing a new one voids the old.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use chrono::Duration;
use qrcode::render::svg;
use qrcode::QrCode;
use rand::rngs::OsRng;

use super::site_session::SiteSession;
use crate::crypto::server_key::Purpose;
use crate::error::ApiError;
use crate::pages::door::SignedIn;
use crate::pages::render;
use crate::pages::time_text::taiwan_time;
use crate::pages::PageLang;
use crate::state::AppState;
use crate::store::SecretKind;
use nhi_core::domain::DeviceCode;
use nhi_core::tr;

/// How long a device verification code can be used.
pub const CODE_LIFETIME: Duration = Duration::minutes(10);

pub(crate) struct Produced {
    code: String,
    qr_svg: String,
    expires_at: String,
    expires_at_iso: String,
}

#[derive(Template)]
#[template(path = "site/device_code.html")]
pub(crate) struct DeviceCodePage {
    pub(crate) page: PageLang,
    pub(crate) signed_in: bool,
    pub(crate) intro: String,
    pub(crate) produced: Option<Produced>,
    /// Where the "produce" button posts: the registration website's page, or the
    /// certificate path's (個人健保資料網路服務作業).
    pub(crate) action: &'static str,
}

pub(crate) fn intro(page: &PageLang, name: &str) -> String {
    tr!(page.lang, "site-device-code-intro", name = name)
}

pub async fn page(page: PageLang, SignedIn(session): SignedIn<SiteSession>) -> Response {
    render(&DeviceCodePage {
        intro: intro(&page, &session.session.person.name),
        page,
        signed_in: true,
        produced: None,
        action: "/register/device-code",
    })
}

pub async fn produce(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(session): SignedIn<SiteSession>,
) -> Result<Response, ApiError> {
    let person = session.session.person;
    let produced = produce_for(&state, &page, &person.id_number).await?;
    Ok(render(&DeviceCodePage {
        intro: intro(&page, &person.name),
        page,
        signed_in: true,
        produced: Some(produced),
        action: "/register/device-code",
    }))
}

/// A new device verification code for the person (the older one voided), with its QR.
pub(crate) async fn produce_for(
    state: &AppState,
    page: &PageLang,
    id: &nhi_core::domain::IdNumber,
) -> Result<Produced, ApiError> {
    let now = state.clock.now();
    state
        .store
        .void_secrets(id, SecretKind::DeviceCode, now)
        .await?;
    let code = DeviceCode::generate(&mut OsRng);
    let expires_at = now + CODE_LIFETIME;
    state
        .store
        .insert_secret(
            &state.key.keyed(Purpose::DeviceCode, code.as_str()),
            SecretKind::DeviceCode,
            id,
            now,
            expires_at,
        )
        .await?;
    let qr_svg = QrCode::new(code.qr_payload().as_bytes())
        .map_err(|e| ApiError::InvalidRequest(e.to_string()))?
        .render::<svg::Color>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build();
    Ok(Produced {
        code: code.as_str().to_owned(),
        qr_svg,
        expires_at: taiwan_time(expires_at, page.lang),
        expires_at_iso: expires_at.to_rfc3339(),
    })
}
