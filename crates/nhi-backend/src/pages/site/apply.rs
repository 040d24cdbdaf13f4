//! Applying for the online services (with the NHI card, or a citizen digital certificate),
//! and confirming the e-mail. The card reader is simulated: the person types what a reader
//! service would return (card number, name, ID, birth date), and it must match the record.

use askama::Template;
use axum::extract::{ConnectInfo, Query, State};
use axum::response::Response;
use axum::Form;
use chrono::{Duration, NaiveDate};
use serde::Deserialize;
use std::net::{IpAddr, SocketAddr};

use super::pages::{render, MessagePage};
use crate::crypto::{password_hash, session_token};
use crate::error::ApiError;
use crate::pages::PageLang;
use crate::services::attempt_guard::{self, AfterFailure};
use crate::state::AppState;
use crate::store::Registration;
use nhi_core::domain::attempt_limit::{CARD_READER_PER_CLIENT, CARD_READER_PER_ID};
use nhi_core::domain::{password, CardNumber, IdNumber, MobileNumber, Secret};
use nhi_core::i18n::Msg;
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
    #[serde(default)]
    pub email: String,
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

#[derive(Deserialize)]
pub struct MethodQuery {
    #[serde(default)]
    method: String,
}

pub async fn form(page: PageLang, Query(query): Query<MethodQuery>) -> Response {
    let with_card = query.method != "certificate";
    render(&ApplyPage {
        page,
        signed_in: false,
        with_card,
        form: ApplyForm {
            method: if with_card { "card" } else { "certificate" }.into(),
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
    let with_card = form.method != "certificate";
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
        email: form.email.trim().to_owned(),
        created_at: now,
        expires_at: now + CONFIRM_WITHIN,
        confirmed_at: None,
    };
    state
        .store
        .insert_registration(&session_token::digest(&token), &registration)
        .await?;
    // The link starts with the configured public address, never the request's Host header
    // (which a caller chooses).
    let link = format!("{}/register/confirm?token={token}", state.public_url);
    // The applicant reads the mail in the language of the page they applied on.
    let lang = page.lang;
    let body = tr!(
        lang,
        "site-confirm-mail-body",
        name = form.name.trim(),
        link = link.as_str()
    );
    state
        .store
        .send_mail(
            &registration.email,
            &lang.t("site-confirm-mail-subject"),
            &(body + "\n"),
            now,
        )
        .await?;
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

/// What the simulated reader read: the NHI card, or a citizen digital certificate.
enum Reader {
    Card(CardNumber),
    Certificate(String),
}

/// Whether what the reader read belongs to this person, as the NHIA (card) or the
/// certificate authority (certificate) records it. Each comparison is a guess an attacker
/// could repeat, so it goes through the attempt limiter: a birth date cannot fall out by
/// trying. `None` when it matches.
async fn check_identity(
    state: &AppState,
    f: &ApplyForm,
    id: &IdNumber,
    birth: Option<NaiveDate>,
    reader: Option<&Reader>,
    client: IpAddr,
) -> Result<Option<Msg>, ApiError> {
    let (Some(birth), Some(reader)) = (birth, reader) else {
        return Ok(None); // the form's own errors say what is missing
    };
    let subjects = [
        (format!("card-reader-id:{id}"), CARD_READER_PER_ID),
        (
            format!("card-reader-client:{client}"),
            CARD_READER_PER_CLIENT,
        ),
    ];
    let attempt = match attempt_guard::try_reserve(state, &subjects).await? {
        Ok(attempt) => attempt,
        Err(lockout) => {
            let minutes = (lockout.seconds.max(1) as u64).div_ceil(60);
            return Ok(Some(
                Msg::new("site-too-many-checks").with("minutes", minutes),
            ));
        }
    };
    let person = state.store.find_person(id).await?;
    let matches = match (&person, reader) {
        (Some(p), Reader::Card(card)) => {
            p.name == f.name.trim() && p.birth_date == birth && *card == p.card_number
        }
        (Some(p), Reader::Certificate(serial)) => {
            p.name == f.name.trim()
                && p.birth_date == birth
                && state.store.certificate_valid_for(serial, id).await?
        }
        (None, _) => false,
    };
    let Some(person) = person.filter(|_| matches) else {
        // One answer for an unknown ID and for data that does not match.
        let mismatch = match reader {
            Reader::Card(_) => "site-card-mismatch",
            Reader::Certificate(_) => "site-certificate-mismatch",
        };
        return Ok(Some(match attempt.failed().await? {
            AfterFailure::TriesLeft(left) => Msg::new("site-mismatch-tries-left")
                .with("mismatch", Msg::new(mismatch))
                .with("left", left),
            AfterFailure::Locked(lockout) => {
                let minutes = (lockout.seconds.max(1) as u64).div_ceil(60);
                Msg::new("site-mismatch-locked")
                    .with("mismatch", Msg::new(mismatch))
                    .with("minutes", minutes)
            }
        }));
    };
    attempt.succeeded().await?;
    Ok(if person.card_voided {
        Some(Msg::new("site-card-voided"))
    } else if state.store.find_account(id).await?.is_some() {
        Some(Msg::new("site-already-registered"))
    } else {
        None
    })
}

async fn check(
    state: &AppState,
    f: &ApplyForm,
    with_card: bool,
    client: IpAddr,
) -> Result<Vec<Msg>, ApiError> {
    let mut errors = Vec::new();
    let id = match IdNumber::parse(&f.id_number) {
        Ok(id) => Some(id),
        Err(_) => {
            errors.push(Msg::new("site-id-invalid"));
            None
        }
    };
    let birth = NaiveDate::parse_from_str(f.birth_date.trim(), "%Y-%m-%d").ok();
    if birth.is_none() {
        errors.push(Msg::new("site-birth-date-format"));
    }
    let card = if with_card {
        match CardNumber::parse(&f.card_number) {
            Ok(card) => Some(Reader::Card(card)),
            Err(_) => {
                errors.push(Msg::new("site-card-number-format"));
                None
            }
        }
    } else {
        let serial = f.certificate_serial.trim();
        if serial.len() != 16 || !serial.bytes().all(|b| b.is_ascii_alphanumeric()) {
            errors.push(Msg::new("site-certificate-serial-format"));
            None
        } else {
            Some(Reader::Certificate(serial.to_ascii_uppercase()))
        }
    };
    if let Some(id) = &id {
        if let Some(error) = check_identity(state, f, id, birth, card.as_ref(), client).await? {
            errors.push(error);
        }
    }
    if password::validate(f.password.expose()).is_err() {
        errors.push(Msg::new("site-password-not-allowed"));
    } else if f.password != f.password_confirm {
        errors.push(Msg::new("site-passwords-differ"));
    }
    if MobileNumber::parse(&f.mobile).is_err() {
        errors.push(Msg::new("site-mobile-format"));
    }
    let email = f.email.trim();
    let email_ok = email.len() <= 254
        && email.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.starts_with('.')
        });
    if !email_ok {
        errors.push(Msg::new("site-email-format"));
    }
    Ok(errors)
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
    Ok(render(&MessagePage::info(
        &page,
        "site-registration-complete",
        page.t("site-registration-complete-detail"),
        log_in,
    )))
}
