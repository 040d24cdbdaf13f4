//! 行動裝置帳號申請: a person signed in with the certificate and without a mobile device
//! account sets its password and contact. The certificate proved who they are, so the account
//! is made at once (no confirmation link as after a card-reader application); the same
//! password then signs in to the app and the registration website.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use super::session::{CertificateSession, DOOR};
use crate::crypto::{password_hash, session_token};
use crate::error::ApiError;
use crate::pages::door::SignedIn;
use crate::pages::render;
use crate::pages::site::apply::{email_ok, local_phone_ok};
use crate::pages::PageLang;
use crate::state::AppState;
use crate::store::{Contact, Registration};
use nhi_core::domain::consent::ConsentDocument;
use nhi_core::domain::{password, MobileNumber, Secret};

#[derive(Default, Deserialize)]
pub struct AccountForm {
    #[serde(default)]
    rules_read: String,
    #[serde(default)]
    password: Secret,
    #[serde(default)]
    password_confirm: Secret,
    #[serde(default)]
    mobile: String,
    #[serde(default)]
    local_phone: String,
    #[serde(default)]
    email: String,
}

#[derive(Template)]
#[template(path = "personal/mobile_account.html")]
struct AccountPage {
    page: PageLang,
    signed_in: bool,
    name: String,
    has_account: bool,
    form: AccountForm,
    errors: Vec<String>,
}

pub async fn form(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(session): SignedIn<CertificateSession>,
) -> Result<Response, ApiError> {
    let has_account = session.has_account(&state).await?;
    Ok(render(&AccountPage {
        page,
        signed_in: false,
        name: session.person.name,
        has_account,
        form: AccountForm::default(),
        errors: Vec::new(),
    }))
}

pub async fn submit(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(session): SignedIn<CertificateSession>,
    Form(mut form): Form<AccountForm>,
) -> Result<Response, ApiError> {
    if session.has_account(&state).await? {
        return Ok(Redirect::to("/personal/mobile-account").into_response());
    }
    let person = session.person;
    let mut errors = Vec::new();
    if form.rules_read != "yes" {
        errors.push(page.t("site-rules-not-read"));
    }
    if password::validate(form.password.expose()).is_err() {
        errors.push(page.t("site-password-not-allowed"));
    } else if form.password != form.password_confirm {
        errors.push(page.t("site-passwords-differ"));
    }
    let mobile = MobileNumber::parse(&form.mobile);
    if mobile.is_err() {
        errors.push(page.t("site-mobile-format"));
    }
    if !local_phone_ok(&form.local_phone) {
        errors.push(page.t("site-local-phone-format"));
    }
    if !email_ok(form.email.trim()) {
        errors.push(page.t("site-email-format"));
    }
    if !errors.is_empty() {
        form.password = Secret::default();
        form.password_confirm = Secret::default();
        return Ok(render(&AccountPage {
            page,
            signed_in: false,
            name: person.name,
            has_account: false,
            form,
            errors,
        }));
    }
    // The registration as the website keeps it, confirmed at once: the same account, the
    // same contact, the same rules consented to.
    let now = state.clock.now();
    let token = session_token::digest(&session_token::generate());
    let registration = Registration {
        id_number: person.id_number.clone(),
        method: "certificate".into(),
        password_hash: password_hash::hash(form.password.clone()).await?,
        mobile: mobile.map(|m| m.to_string()).unwrap_or_default(),
        local_phone: form.local_phone.trim().to_owned(),
        email: form.email.trim().to_owned(),
        created_at: now,
        expires_at: now,
        confirmed_at: None,
    };
    state
        .store
        .insert_registration(&token, &registration)
        .await?;
    let rules = ConsentDocument::RegistrationRules;
    state
        .store
        .record_consent(&person.id_number, rules, rules.current_version(), now)
        .await?;
    state.store.confirm_registration(&token, now).await?;
    state
        .store
        .set_password(&person.id_number, &registration.password_hash)
        .await?;
    let contact = Contact {
        email: registration.email,
        mobile: registration.mobile,
        local_phone: registration.local_phone,
    };
    state.store.set_contact(&person.id_number, &contact).await?;
    // Setting a password ends the person's web sessions, this one too: the certificate
    // sign-in goes on in a new one, straight to the device code.
    let token = DOOR.open(&state, person.id_number.as_str(), None).await?;
    Ok(DOOR.enter(&token, "/personal/device-code"))
}
