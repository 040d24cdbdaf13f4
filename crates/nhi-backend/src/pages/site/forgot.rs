//! 忘記註冊密碼 — getting back into an account whose password is forgotten. The person proves
//! who they are the way they registered (`identity`: the card reader or the citizen
//! certificate); a one-time link (30 minutes, once, the newest only) then goes to the e-mail
//! address of the account's confirmed registration. The answer is the same whether or not
//! the ID has an account, so the page tells nobody who is registered. Setting the new
//! password ends every session of the ID, and a notice mail says it happened.

use askama::Template;
use axum::extract::{ConnectInfo, Query, State};
use axum::response::Response;
use axum::Form;
use chrono::Duration;
use rand::rngs::OsRng;
use rand::Rng;
use serde::Deserialize;
use std::net::SocketAddr;

use super::identity::{self, Identity, MethodQuery, ReaderData};
use super::pages::MessagePage;
use crate::crypto::server_key::Purpose;
use crate::crypto::{password_hash, session_token};
use crate::error::ApiError;
use crate::pages::{render, PageLang};
use crate::services::account_mail::{self, Notice};
use crate::services::attempt_guard;
use crate::state::AppState;
use crate::store::PersonRecord;
use nhi_core::domain::attempt_limit::RESET_LINKS_PER_ID;
use nhi_core::domain::{password, Secret};
use nhi_core::i18n::Msg;
use nhi_core::tr;

/// A link to set a new password works this long.
pub const RESET_LINK_LASTS: Duration = Duration::minutes(30);

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    pub method: String,
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
#[template(path = "site/forgot.html")]
struct ForgotPage {
    page: PageLang,
    signed_in: bool,
    with_card: bool,
    form: ForgotForm,
    errors: Vec<String>,
}

pub async fn form(page: PageLang, Query(query): Query<MethodQuery>) -> Response {
    let with_card = query.with_card();
    render(&ForgotPage {
        page,
        signed_in: false,
        with_card,
        form: ForgotForm {
            method: query.method_name().into(),
            ..Default::default()
        },
        errors: Vec::new(),
    })
}

pub async fn submit(
    page: PageLang,
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Form(form): Form<ForgotForm>,
) -> Result<Response, ApiError> {
    let with_card = identity::with_card(&form.method);
    let reader = ReaderData {
        with_card,
        card_number: &form.card_number,
        certificate_serial: &form.certificate_serial,
        name: &form.name,
        id_number: &form.id_number,
        birth_date: &form.birth_date,
    };
    let person = match identity::prove(&state, &reader, peer.ip()).await? {
        Identity::Proven(person) => person,
        Identity::NotProven(errors) => {
            let errors = errors.iter().map(|e| e.text(page.lang)).collect();
            return Ok(render(&ForgotPage {
                page,
                signed_in: false,
                with_card,
                form,
                errors,
            }));
        }
    };
    // The mailbox's quota is counted before the account is looked up: registered and
    // unregistered IDs run out alike.
    let quota = [(
        format!("reset-link:{}", person.id_number),
        RESET_LINKS_PER_ID,
    )];
    if let Err(lockout) = attempt_guard::count_against(&state, &quota).await? {
        let too_many = Msg::new("site-reset-too-many").with("minutes", lockout.minutes());
        return Ok(render(&ForgotPage {
            errors: vec![too_many.text(page.lang)],
            page,
            signed_in: false,
            with_card,
            form,
        }));
    }
    send_link_if_registered(&state, &page, &person).await?;
    Ok(render(&MessagePage::info(
        &page,
        "site-reset-sent-title",
        page.t("site-reset-sent"),
        ("/register/login", "site-log-in"),
    )))
}

/// The link goes only to the address the account's owner confirmed. An account without one
/// (made by phone) gets a 6-digit code by SMS to its monthly number instead, which the code
/// page trades for the link. Without an account, nothing is sent (and the page says the
/// same).
async fn send_link_if_registered(
    state: &AppState,
    page: &PageLang,
    person: &PersonRecord,
) -> Result<(), ApiError> {
    let id = &person.id_number;
    if state.store.find_account(id).await?.is_none() {
        return Ok(());
    }
    let now = state.clock.now();
    let expires_at = now + RESET_LINK_LASTS;
    let token = session_token::generate();
    let token_hash = session_token::digest(&token);
    if let Some(email) = state.store.confirmed_email(id).await? {
        state
            .store
            .insert_password_reset(&token_hash, None, id, now, expires_at)
            .await?;
        // The configured public address, never the request's Host header.
        let link = format!("{}/register/reset?token={token}", state.public_url);
        let body = tr!(
            page.lang,
            "site-reset-mail-body",
            name = person.name.as_str(),
            link = link.as_str()
        );
        let subject = page.t("site-reset-mail-subject");
        state
            .store
            .send_mail(&email, &subject, &(body + "\n"), now)
            .await?;
    } else if let Some(mobile) = state.store.monthly_number_of(id).await? {
        let code = format!("{:06}", OsRng.gen_range(0..1_000_000));
        let code_hash = state.key.keyed(Purpose::ResetCode, &code);
        state
            .store
            .insert_password_reset(&token_hash, Some(&code_hash), id, now, expires_at)
            .await?;
        let body = tr!(page.lang, "site-reset-sms", code = code.as_str());
        state.store.send_sms(&mobile, &body, now).await?;
    }
    Ok(())
}

#[derive(Template)]
#[template(path = "site/new_password.html")]
struct NewPasswordPage {
    page: PageLang,
    signed_in: bool,
    token: String,
    errors: Vec<String>,
}

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

fn link_dead(page: &PageLang) -> Response {
    render(&MessagePage::error(
        page,
        "site-reset-invalid",
        page.t("site-reset-invalid-detail"),
        ("/register/forgot", "site-forgot-password"),
    ))
}

/// Whether the link (its token) is unused, the newest, and within its 30 minutes.
async fn link_alive(state: &AppState, token: &str) -> Result<bool, ApiError> {
    let hash = session_token::digest(token);
    let found = state.store.find_password_reset(&hash, state.clock.now());
    Ok(found.await?.is_some())
}

pub async fn new_password_form(
    page: PageLang,
    State(state): State<AppState>,
    Query(query): Query<TokenQuery>,
) -> Result<Response, ApiError> {
    if !link_alive(&state, &query.token).await? {
        return Ok(link_dead(&page));
    }
    Ok(render(&NewPasswordPage {
        page,
        signed_in: false,
        token: query.token,
        errors: Vec::new(),
    }))
}

#[derive(Deserialize)]
pub struct NewPasswordForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: Secret,
    #[serde(default)]
    password_confirm: Secret,
}

pub async fn set_new_password(
    page: PageLang,
    State(state): State<AppState>,
    Form(form): Form<NewPasswordForm>,
) -> Result<Response, ApiError> {
    // A dead link is told before any hashing is done for it.
    if !link_alive(&state, &form.token).await? {
        return Ok(link_dead(&page));
    }
    let hash = session_token::digest(&form.token);
    let error = if password::validate(form.password.expose()).is_err() {
        Some("site-password-not-allowed")
    } else if form.password != form.password_confirm {
        Some("site-passwords-differ")
    } else {
        None
    };
    if let Some(error) = error {
        return Ok(render(&NewPasswordPage {
            token: form.token,
            errors: vec![page.t(error)],
            page,
            signed_in: false,
        }));
    }
    let password_hash = password_hash::hash(form.password).await?;
    // The link is used, the password set and the sessions ended in one step; of two
    // submissions of one link, one does it.
    let now = state.clock.now();
    let changed = state
        .store
        .reset_password(&hash, &password_hash, now)
        .await?;
    let Some(id) = changed else {
        return Ok(link_dead(&page));
    };
    account_mail::send(&state, &id, page.lang, Notice::PasswordChanged).await?;
    Ok(render(&MessagePage::info(
        &page,
        "site-reset-done",
        page.t("site-reset-done-detail"),
        ("/register/login", "site-log-in"),
    )))
}
