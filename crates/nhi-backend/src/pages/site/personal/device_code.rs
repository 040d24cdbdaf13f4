//! 行動裝置認證 → 產生裝置認證碼, on the certificate path: the registration website's code and
//! QR (`site::device_code`), for a person with a mobile device account.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};

use super::session::CertificateSession;
use crate::error::ApiError;
use crate::pages::door::SignedIn;
use crate::pages::render;
use crate::pages::site::device_code::{intro, produce_for, DeviceCodePage};
use crate::pages::PageLang;
use crate::state::AppState;

const ACTION: &str = "/personal/device-code";

pub async fn page(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(session): SignedIn<CertificateSession>,
) -> Result<Response, ApiError> {
    shown(page, &state, &session, false).await
}

pub async fn produce(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(session): SignedIn<CertificateSession>,
) -> Result<Response, ApiError> {
    shown(page, &state, &session, true).await
}

/// The page, with a new code when `produce`. Without a mobile device account there is
/// nothing to sign in to: apply for one first.
async fn shown(
    page: PageLang,
    state: &AppState,
    session: &CertificateSession,
    produce: bool,
) -> Result<Response, ApiError> {
    if !session.has_account(state).await? {
        return Ok(Redirect::to("/personal/mobile-account").into_response());
    }
    let produced = match produce {
        true => Some(produce_for(state, &page, &session.person.id_number).await?),
        false => None,
    };
    Ok(render(&DeviceCodePage {
        intro: intro(&page, &session.person.name),
        page,
        signed_in: false,
        produced,
        action: ACTION,
    }))
}
