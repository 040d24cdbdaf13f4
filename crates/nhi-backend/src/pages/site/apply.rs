//! Applying for the online services (with the NHI card, or a citizen digital certificate:
//! `identity`), and confirming the e-mail.

use askama::Template;
use axum::extract::{ConnectInfo, Query, State};
use axum::response::Response;
use axum::Form;
use chrono::Duration;
use serde::Deserialize;
use std::net::{IpAddr, SocketAddr};

use super::identity::{self, Identity, MethodQuery, ReaderData};
use super::pages::MessagePage;
use crate::crypto::{password_hash, session_token};
use crate::error::ApiError;
use crate::pages::render;
use crate::pages::PageLang;
use crate::state::AppState;
use crate::store::{Contact, Registration};
use nhi_core::domain::consent::ConsentDocument;
use nhi_core::domain::{password, IdNumber, MobileNumber, Secret};
use nhi_core::i18n::{Lang, Msg};
use nhi_core::tr;

/// An application not confirmed by e-mail within this time lapses.
pub const CONFIRM_WITHIN: Duration = Duration::days(5);

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ApplyForm {
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
    #[serde(default)]
    pub password: Secret,
    #[serde(default)]
    pub password_confirm: Secret,
    #[serde(default)]
    pub mobile: String,
    /// 聯絡電話: optional.
    #[serde(default)]
    pub local_phone: String,
    #[serde(default)]
    pub email: String,
    /// "yes" when "I have read and understood the rules" is ticked.
    #[serde(default)]
    pub rules_read: String,
}

#[derive(Template)]
#[template(path = "site/apply.html")]
struct ApplyPage {
    page: PageLang,
    signed_in: bool,
    with_card: bool,
    form: ApplyForm,
    errors: Vec<String>,
}

pub async fn form(page: PageLang, Query(query): Query<MethodQuery>) -> Response {
    let with_card = query.with_card();
    render(&ApplyPage {
        page,
        signed_in: false,
        with_card,
        form: ApplyForm {
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
    Form(mut form): Form<ApplyForm>,
) -> Result<Response, ApiError> {
    let with_card = identity::with_card(&form.method);
    let errors = check(&state, &form, with_card, peer.ip()).await?;
    if !errors.is_empty() {
        form.password = Secret::default();
        form.password_confirm = Secret::default();
        let errors = errors.iter().map(|e| e.text(page.lang)).collect();
        return Ok(render(&ApplyPage {
            page,
            signed_in: false,
            with_card,
            form,
            errors,
        }));
    }
    let id = IdNumber::parse(&form.id_number)?;
    let now = state.clock.now();
    let token = session_token::generate();
    let registration = Registration {
        id_number: id.clone(),
        method: if with_card { "card" } else { "certificate" }.into(),
        password_hash: password_hash::hash(form.password.clone()).await?,
        mobile: MobileNumber::parse(&form.mobile)
            .map(|m| m.to_string())
            .unwrap_or_default(),
        local_phone: form.local_phone.trim().to_owned(),
        email: form.email.trim().to_owned(),
        created_at: now,
        expires_at: now + CONFIRM_WITHIN,
        confirmed_at: None,
    };
    state
        .store
        .insert_registration(&session_token::digest(&token), &registration)
        .await?;
    let rules = ConsentDocument::RegistrationRules;
    state
        .store
        .record_consent(&id, rules, rules.current_version(), now)
        .await?;
    send_confirmation(
        &state,
        page.lang,
        form.name.trim(),
        &registration.email,
        &token,
    )
    .await?;
    let lang = page.lang;
    let sent = tr!(
        lang,
        "site-confirmation-sent",
        email = registration.email.as_str()
    );
    Ok(render(&MessagePage::info(
        &page,
        "site-confirm-your-email",
        sent,
        ("/register", "site-home"),
    )))
}

async fn check(
    state: &AppState,
    f: &ApplyForm,
    with_card: bool,
    client: IpAddr,
) -> Result<Vec<Msg>, ApiError> {
    let reader = ReaderData {
        with_card,
        card_number: &f.card_number,
        certificate_serial: &f.certificate_serial,
        name: &f.name,
        id_number: &f.id_number,
        birth_date: &f.birth_date,
    };
    let mut errors = match identity::prove(state, &reader, client).await? {
        Identity::NotProven(errors) => errors,
        Identity::Proven(person) if person.card_voided => vec![Msg::new("site-card-voided")],
        Identity::Proven(person) => {
            if state.store.find_account(&person.id_number).await?.is_some() {
                vec![Msg::new("site-already-registered")]
            } else {
                Vec::new()
            }
        }
    };
    if f.rules_read != "yes" {
        errors.insert(0, Msg::new("site-rules-not-read"));
    }
    if password::validate(f.password.expose()).is_err() {
        errors.push(Msg::new("site-password-not-allowed"));
    } else if f.password != f.password_confirm {
        errors.push(Msg::new("site-passwords-differ"));
    }
    if MobileNumber::parse(&f.mobile).is_err() {
        errors.push(Msg::new("site-mobile-format"));
    }
    if !local_phone_ok(&f.local_phone) {
        errors.push(Msg::new("site-local-phone-format"));
    }
    if !email_ok(f.email.trim()) {
        errors.push(Msg::new("site-email-format"));
    }
    Ok(errors)
}

/// An address mail can go to: someone@host.tld, at most 254 characters.
pub(crate) fn email_ok(email: &str) -> bool {
    email.len() <= 254
        && email.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.starts_with('.')
        })
}

/// 聯絡電話 is optional; when given, an area code and number with an extension as people
/// write them: `02-2706-5866`, `(04)2259-3456#12` — 6 to 20 of digits, `-`, `(`, `)`, `#`,
/// spaces, with at least 6 digits.
pub(crate) fn local_phone_ok(typed: &str) -> bool {
    let typed = typed.trim();
    typed.is_empty()
        || ((6..=20).contains(&typed.chars().count())
            && typed
                .chars()
                .all(|c| c.is_ascii_digit() || "-()# ".contains(c))
            && typed.chars().filter(char::is_ascii_digit).count() >= 6)
}

/// The mail with the link that confirms an application, in the language of the page the
/// applicant used.
pub(super) async fn send_confirmation(
    state: &AppState,
    lang: Lang,
    name: &str,
    email: &str,
    token: &str,
) -> Result<(), ApiError> {
    // The link starts with the configured public address, never the request's Host header
    // (which a caller chooses).
    let link = format!("{}/register/confirm?token={token}", state.public_url);
    let body = tr!(
        lang,
        "site-confirm-mail-body",
        name = name,
        link = link.as_str()
    );
    state
        .store
        .send_mail(
            email,
            &lang.t("site-confirm-mail-subject"),
            &(body + "\n"),
            state.clock.now(),
        )
        .await?;
    Ok(())
}

#[derive(Deserialize)]
pub struct ConfirmQuery {
    #[serde(default)]
    token: String,
}

pub async fn confirm(
    page: PageLang,
    State(state): State<AppState>,
    Query(query): Query<ConfirmQuery>,
) -> Result<Response, ApiError> {
    let hash = session_token::digest(&query.token);
    let now = state.clock.now();
    let again = ("/register/apply", "site-apply-again");
    let log_in = ("/register/login", "site-log-in");
    let Some(registration) = state.store.find_registration(&hash).await? else {
        return Ok(render(&MessagePage::error(
            &page,
            "site-invalid-link",
            page.t("site-invalid-link-detail"),
            again,
        )));
    };
    if registration.confirmed_at.is_some() {
        return Ok(render(&MessagePage::info(
            &page,
            "site-already-confirmed",
            page.t("site-already-confirmed-detail"),
            log_in,
        )));
    }
    if registration.expires_at <= now {
        return Ok(render(&MessagePage::error(
            &page,
            "site-lapsed",
            page.t("site-lapsed-detail"),
            again,
        )));
    }
    if !state.store.confirm_registration(&hash, now).await? {
        return Ok(render(&MessagePage::info(
            &page,
            "site-already-confirmed",
            page.t("site-already-confirmed-detail"),
            log_in,
        )));
    }
    state
        .store
        .set_password(&registration.id_number, &registration.password_hash)
        .await?;
    let contact = Contact {
        email: registration.email.clone(),
        mobile: registration.mobile.clone(),
        local_phone: registration.local_phone.clone(),
    };
    state
        .store
        .set_contact(&registration.id_number, &contact)
        .await?;
    Ok(render(&MessagePage::info(
        &page,
        "site-registration-complete",
        page.t("site-registration-complete-detail"),
        log_in,
    )))
}
