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
use crate::backend::auth::{password_hash, session_token};
use crate::backend::error::ApiError;
use crate::backend::services::attempt_guard::{self, AfterFailure};
use crate::backend::state::AppState;
use crate::backend::store::Registration;
use crate::domain::attempt_limit::{CARD_READER_PER_CLIENT, CARD_READER_PER_ID};
use crate::domain::{password, CardNumber, IdNumber, MobileNumber, Secret};

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

pub async fn form(Query(query): Query<MethodQuery>) -> Response {
    let with_card = query.method != "certificate";
    render(&ApplyPage {
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
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Form(mut form): Form<ApplyForm>,
) -> Result<Response, ApiError> {
    let with_card = form.method != "certificate";
    let errors = check(&state, &form, with_card, peer.ip()).await?;
    if !errors.is_empty() {
        form.password = Secret::default();
        form.password_confirm = Secret::default();
        return Ok(render(&ApplyPage {
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
    let body = format!(
        "{name} 您好：\n\n請於 5 天內開啟下列連結，完成健保卡網路服務註冊。逾期申請將失效，需重新申請。\n\
         Please open this link within 5 days to complete your registration; after that the \
         application lapses.\n\n{link}\n\n若您沒有申請，請忽略此信。If you did not apply, ignore this e-mail.\n",
        name = form.name.trim()
    );
    state
        .store
        .send_mail(
            &registration.email,
            "健保卡網路服務註冊：請確認電子郵件 / Confirm your e-mail",
            &body,
            now,
        )
        .await?;
    Ok(render(&MessagePage::info(
        "請確認電子郵件 Confirm your e-mail",
        format!(
            "確認信已寄到 {email}。請在 5 天內開啟信中的連結完成註冊。\
             A confirmation e-mail was sent to {email}. Open its link within 5 days to finish.",
            email = registration.email
        ),
        ("/register", "回首頁 Home"),
    )))
}

/// Everything wrong with the form, in both languages; empty when it can be accepted.
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
) -> Result<Option<String>, ApiError> {
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
            return Ok(Some(format!(
                "比對失敗次數過多，請於 {minutes} 分鐘後再試 Too many failed checks: try again in {minutes} minute(s)"
            )));
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
            Reader::Card(_) => {
                "讀卡資料與健保署資料不符 The card data does not match the NHIA record"
            }
            Reader::Certificate(_) => {
                "憑證與健保署資料不符 The certificate data does not match the NHIA record"
            }
        };
        return Ok(Some(match attempt.failed().await? {
            AfterFailure::TriesLeft(left) => {
                format!("{mismatch}（尚可再試 {left} 次 {left} tries left）")
            }
            AfterFailure::Locked(lockout) => {
                let minutes = (lockout.seconds.max(1) as u64).div_ceil(60);
                format!("{mismatch}。比對失敗次數過多，請於 {minutes} 分鐘後再試 Too many failed checks: try again in {minutes} minute(s)")
            }
        }));
    };
    attempt.succeeded().await?;
    Ok(if person.card_voided {
        Some("此健保卡已註銷 This NHI card is voided".into())
    } else if state.store.find_account(id).await?.is_some() {
        Some("此身分證號已註冊，請直接登入 This ID is already registered: please log in".into())
    } else {
        None
    })
}

async fn check(
    state: &AppState,
    f: &ApplyForm,
    with_card: bool,
    client: IpAddr,
) -> Result<Vec<String>, ApiError> {
    let mut errors = Vec::new();
    let id = match IdNumber::parse(&f.id_number) {
        Ok(id) => Some(id),
        Err(e) => {
            errors.push(format!("身分證號有誤 The ID number is not valid: {e}"));
            None
        }
    };
    let birth = NaiveDate::parse_from_str(f.birth_date.trim(), "%Y-%m-%d").ok();
    if birth.is_none() {
        errors.push("出生日期請填 YYYY-MM-DD The birth date must be YYYY-MM-DD".into());
    }
    let card = if with_card {
        match CardNumber::parse(&f.card_number) {
            Ok(card) => Some(Reader::Card(card)),
            Err(_) => {
                errors.push("健保卡號為 12 碼數字 The NHI card number is 12 digits".into());
                None
            }
        }
    } else {
        let serial = f.certificate_serial.trim();
        if serial.len() != 16 || !serial.bytes().all(|b| b.is_ascii_alphanumeric()) {
            errors.push(
                "憑證序號為 16 碼英數字 The certificate serial number is 16 letters and digits"
                    .into(),
            );
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
    if let Err(e) = password::validate(f.password.expose()) {
        errors.push(format!("密碼不符規則 Password not allowed: {e}"));
    } else if f.password != f.password_confirm {
        errors.push("兩次輸入的密碼不同 The two passwords differ".into());
    }
    if MobileNumber::parse(&f.mobile).is_err() {
        errors.push("手機號碼為 09 開頭 10 碼 The mobile number is 09 and 8 digits".into());
    }
    let email = f.email.trim();
    let email_ok = email.len() <= 254
        && email.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.starts_with('.')
        });
    if !email_ok {
        errors.push("電子郵件格式有誤 The e-mail address is not valid".into());
    }
    Ok(errors)
}

#[derive(Deserialize)]
pub struct ConfirmQuery {
    #[serde(default)]
    token: String,
}

pub async fn confirm(
    State(state): State<AppState>,
    Query(query): Query<ConfirmQuery>,
) -> Result<Response, ApiError> {
    let hash = session_token::digest(&query.token);
    let now = state.clock.now();
    let again = ("/register/apply", "重新申請 Apply again");
    let Some(registration) = state.store.find_registration(&hash).await? else {
        return Ok(render(&MessagePage::error(
            "連結無效 Invalid link",
            "這個確認連結無效。This confirmation link is not valid.",
            again,
        )));
    };
    if registration.confirmed_at.is_some() {
        return Ok(render(&MessagePage::info(
            "已完成註冊 Already confirmed",
            "這個申請已確認過，請直接登入。This application was already confirmed: please log in.",
            ("/register/login", "登入 Log in"),
        )));
    }
    if registration.expires_at <= now {
        return Ok(render(&MessagePage::error(
            "申請已失效 Application lapsed",
            "未於 5 天內確認電子郵件，申請已失效，請重新申請。The e-mail was not confirmed within 5 days, so the application lapsed. Please apply again.",
            again,
        )));
    }
    if !state.store.confirm_registration(&hash, now).await? {
        return Ok(render(&MessagePage::info(
            "已完成註冊 Already confirmed",
            "這個申請已確認過，請直接登入。This application was already confirmed: please log in.",
            ("/register/login", "登入 Log in"),
        )));
    }
    state
        .store
        .set_password(&registration.id_number, &registration.password_hash)
        .await?;
    Ok(render(&MessagePage::info(
        "註冊完成 Registration complete",
        "您可以登入本網站，產生行動裝置認證碼。You can now log in and produce a device verification code.",
        ("/register/login", "登入 Log in"),
    )))
}
