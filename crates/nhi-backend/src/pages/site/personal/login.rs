//! Signing in with the citizen digital certificate, and the menu it opens.

use askama::Template;
use axum::extract::{ConnectInfo, State};
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use std::net::SocketAddr;

use super::session::{CertificateSession, DOOR};
use crate::error::ApiError;
use crate::pages::door::SignedIn;
use crate::pages::render;
use crate::pages::site::identity::{self, Identity, ReaderData};
use crate::pages::PageLang;
use crate::state::AppState;
use nhi_core::i18n::Msg;

/// What the simulated certificate reader gives (the fields `site/reader_fields.html` shows).
#[derive(Default, Deserialize)]
pub struct CertificateForm {
    #[serde(default)]
    pub card_number: String,
    #[serde(default)]
    pub certificate_serial: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub id_number: String,
    #[serde(default)]
    pub birth_date: String,
}

#[derive(Template)]
#[template(path = "personal/login.html")]
struct LoginPage {
    page: PageLang,
    signed_in: bool,
    with_card: bool,
    form: CertificateForm,
    errors: Vec<String>,
}

pub async fn form(page: PageLang) -> Response {
    render(&LoginPage {
        page,
        signed_in: false,
        with_card: false,
        form: CertificateForm::default(),
        errors: Vec::new(),
    })
}

pub async fn submit(
    page: PageLang,
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Form(form): Form<CertificateForm>,
) -> Result<Response, ApiError> {
    let reader = ReaderData {
        with_card: false,
        card_number: "",
        certificate_serial: &form.certificate_serial,
        name: &form.name,
        id_number: &form.id_number,
        birth_date: &form.birth_date,
    };
    let errors = match identity::prove(&state, &reader, peer.ip()).await? {
        Identity::Proven(person) if !person.card_voided => {
            let token = DOOR.open(&state, person.id_number.as_str(), None).await?;
            return Ok(DOOR.enter(&token, "/personal/menu"));
        }
        Identity::Proven(_) => vec![Msg::new("site-card-voided")],
        Identity::NotProven(errors) => errors,
    };
    Ok(render(&LoginPage {
        errors: errors.iter().map(|e| e.text(page.lang)).collect(),
        page,
        signed_in: false,
        with_card: false,
        form,
    }))
}

#[derive(Template)]
#[template(path = "personal/menu.html")]
struct MenuPage {
    page: PageLang,
    signed_in: bool,
    name: String,
    has_account: bool,
}

pub async fn menu(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(session): SignedIn<CertificateSession>,
) -> Result<Response, ApiError> {
    let has_account = session.has_account(&state).await?;
    Ok(render(&MenuPage {
        page,
        signed_in: false,
        name: session.person.name,
        has_account,
    }))
}

pub async fn logout(
    State(state): State<AppState>,
    SignedIn(session): SignedIn<CertificateSession>,
) -> Result<Response, ApiError> {
    DOOR.close(&state, &session.token_hash).await?;
    Ok(DOOR.leave("/personal"))
}
