//! The reviewer console's pages.

use askama::Template;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, LOCATION, SET_COOKIE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use std::net::SocketAddr;

use super::reviewer_session::{clear_cookie, cookie, Reviewer, REVIEWER_IDLE_TIMEOUT};
use crate::backend::auth::{password_hash, session_token};
use crate::backend::error::ApiError;
use crate::backend::pages::site::pages::render;
use crate::backend::pages::site::taiwan_time;
use crate::backend::services::attempt_guard::{self, AfterFailure};
use crate::backend::services::card_review;
use crate::backend::state::AppState;
use crate::backend::store::{Application, Decision};
use crate::domain::attempt_limit::{REVIEWER_PER_CLIENT, REVIEWER_PER_USER};
use crate::domain::card_application::{ApplicationStatus, DocumentKind, RejectReason};
use crate::domain::{RocDate, Secret};

#[derive(Template)]
#[template(path = "review/login.html")]
struct LoginPage {
    error: Option<String>,
}

pub async fn login_form() -> Response {
    render(&LoginPage { error: None })
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: Secret,
}

pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Form(form): Form<LoginForm>,
) -> Result<Response, ApiError> {
    let again = |error: String| Ok(render(&LoginPage { error: Some(error) }));
    let username: String = form.username.trim().chars().take(64).collect();
    let subjects = [
        (format!("reviewer:{username}"), REVIEWER_PER_USER),
        (
            format!("reviewer-client:{}", peer.ip()),
            REVIEWER_PER_CLIENT,
        ),
    ];
    let attempt = match attempt_guard::try_reserve(&state, &subjects).await? {
        Ok(attempt) => attempt,
        Err(lockout) => return again(locked_message(lockout.seconds)),
    };
    let found = state.store.find_reviewer(&username).await?;
    let ok = password_hash::verify(form.password, found.as_ref().map(|(_, h)| h.clone())).await?;
    if !ok {
        return match attempt.failed().await? {
            AfterFailure::Locked(lockout) => again(locked_message(lockout.seconds)),
            AfterFailure::TriesLeft(left) => again(format!(
                "帳號或密碼錯誤，還可再試 {left} 次 Wrong username or password ({left} more tries before a lock)"
            )),
        };
    }
    attempt.succeeded().await?;
    let token = session_token::generate();
    let now = state.clock.now();
    state
        .store
        .insert_reviewer_session(
            &session_token::digest(&token),
            &username,
            now,
            now + REVIEWER_IDLE_TIMEOUT,
        )
        .await?;
    Ok((
        StatusCode::SEE_OTHER,
        [
            (LOCATION, "/review".to_owned()),
            (SET_COOKIE, cookie(&token)),
        ],
    )
        .into_response())
}

fn locked_message(seconds: i64) -> String {
    let minutes = (seconds.max(1) as u64).div_ceil(60);
    format!(
        "嘗試次數過多，請於 {minutes} 分鐘後再試 Too many tries: try again in {minutes} minute(s)"
    )
}

/// Signs the reviewer out: the session ends on the server, the cookie is cleared.
pub async fn logout(
    State(state): State<AppState>,
    reviewer: Reviewer,
) -> Result<Response, ApiError> {
    state
        .store
        .delete_reviewer_session(&reviewer.token_hash)
        .await?;
    Ok((
        StatusCode::SEE_OTHER,
        [
            (LOCATION, "/review/login".to_owned()),
            (SET_COOKIE, clear_cookie()),
        ],
    )
        .into_response())
}

struct QueueRow {
    number: i64,
    name: String,
    id_number: String,
    submitted_at: String,
}

#[derive(Template)]
#[template(path = "review/queue.html")]
struct QueuePage {
    reviewer: String,
    rows: Vec<QueueRow>,
}

pub async fn queue(
    State(state): State<AppState>,
    Reviewer {
        username: reviewer, ..
    }: Reviewer,
) -> Result<Response, ApiError> {
    let mut rows = Vec::new();
    for a in state.store.review_queue().await? {
        let name = state
            .store
            .find_person(&a.id_number)
            .await?
            .map(|p| p.name)
            .unwrap_or_default();
        rows.push(QueueRow {
            number: a.id,
            name,
            id_number: a.id_number.to_string(),
            submitted_at: taiwan_time(a.submitted_at),
        });
    }
    Ok(render(&QueuePage { reviewer, rows }))
}

#[derive(Template)]
#[template(path = "review/application.html")]
struct ApplicationPage {
    reviewer: String,
    number: i64,
    waiting: bool,
    status: &'static str,
    name: String,
    id_number: String,
    birth_date: String,
    age: u32,
    sex: &'static str,
    card_number: String,
    document: &'static str,
    contact_phone: String,
    email: String,
    submitted_at: String,
    reasons: Vec<(&'static str, String)>,
}

/// The application with this number; 404 when there is none.
async fn numbered(state: &AppState, number: i64) -> Result<Application, ApiError> {
    state
        .store
        .find_application(number)
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn application(
    State(state): State<AppState>,
    Reviewer {
        username: reviewer, ..
    }: Reviewer,
    Path(number): Path<i64>,
) -> Result<Response, ApiError> {
    let a = numbered(&state, number).await?;
    let p = state
        .store
        .find_person(&a.id_number)
        .await?
        .ok_or(ApiError::NotFound)?;
    let today = state.clock.now().date_naive();
    Ok(render(&ApplicationPage {
        reviewer,
        number,
        waiting: a.status == ApplicationStatus::UnderReview,
        status: match a.status {
            ApplicationStatus::UnderReview => "審核中 Under review",
            ApplicationStatus::Approved => "已核准 Approved",
            ApplicationStatus::Rejected => "未通過 Rejected",
            ApplicationStatus::Superseded => "已被新申請取代 Replaced",
            ApplicationStatus::Cancelled => "已註銷 Cancelled",
        },
        name: p.name.clone(),
        id_number: p.id_number.to_string(),
        birth_date: format!(
            "{} ({})",
            RocDate::new(p.birth_date)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            p.birth_date
        ),
        age: crate::domain::card_application::age_on(p.birth_date, today),
        sex: match p.sex {
            crate::backend::store::Sex::Male => "男 M",
            crate::backend::store::Sex::Female => "女 F",
        },
        card_number: p.card_number.to_string(),
        document: match a.document_kind {
            DocumentKind::NationalIdCard => "國民身分證 National ID card",
            DocumentKind::IdCardOrNhiCard => {
                "身分證或健保卡（未滿 14 歲）ID or NHI card (under 14)"
            }
            DocumentKind::ResidencePermit => "居留證 Residence permit",
        },
        contact_phone: a.contact_phone,
        email: a.email,
        submitted_at: taiwan_time(a.submitted_at),
        reasons: RejectReason::ALL
            .into_iter()
            .map(|r| {
                (
                    r.as_str(),
                    format!(
                        "{} {}",
                        crate::domain::Lang::ZhTw.t(r.message_id()),
                        crate::domain::Lang::En.t(r.message_id())
                    ),
                )
            })
            .collect(),
    }))
}

#[derive(Deserialize)]
pub struct DecisionForm {
    decision: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    note: String,
}

pub async fn decide(
    State(state): State<AppState>,
    Reviewer {
        username: reviewer, ..
    }: Reviewer,
    Path(number): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, ApiError> {
    let a = numbered(&state, number).await?;
    let decision = match form.decision.as_str() {
        "approve" => Decision::Approve,
        "reject" => {
            let reason = RejectReason::parse(&form.reason)
                .ok_or_else(|| ApiError::InvalidRequest("choose a reason".into()))?;
            let note = form.note.trim();
            if reason == RejectReason::Other && note.is_empty() {
                return Err(ApiError::InvalidRequest(
                    "\"Other\" needs a text for the applicant".into(),
                ));
            }
            Decision::Reject {
                reason,
                note: (!note.is_empty()).then(|| note.chars().take(200).collect()),
            }
        }
        _ => return Err(ApiError::InvalidRequest("approve or reject".into())),
    };
    card_review::decide(&state, &a, &decision, &reviewer).await?;
    Ok(Redirect::to("/review").into_response())
}

/// The application's images, for reviewers only.
pub async fn image(
    State(state): State<AppState>,
    _reviewer: Reviewer,
    Path((number, kind)): Path<(i64, String)>,
) -> Result<Response, ApiError> {
    let a = numbered(&state, number).await?;
    let upload_id = match kind.as_str() {
        "id-document" => a.document_upload,
        "photo" => a.photo_upload,
        _ => return Err(ApiError::NotFound),
    };
    let upload = state
        .store
        .find_upload(&upload_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok((
        [
            (CONTENT_TYPE, "image/jpeg"),
            (CACHE_CONTROL, "private, no-store"),
        ],
        upload.bytes,
    )
        .into_response())
}
