//! The reviewer console's pages.

use askama::Template;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use std::net::SocketAddr;

use super::reviewer_session::{Reviewer, DOOR};
use crate::error::ApiError;
use crate::pages::door::SignedIn;
use crate::pages::render;
use crate::pages::time_text::taiwan_time;
use crate::pages::PageLang;
use crate::services::attempt_guard::Lockout;
use crate::services::card_review;
use crate::services::staff_sign_in::{self, Refused};
use crate::state::AppState;
use crate::store::{Application, Decision};
use nhi_core::domain::card_application::{ApplicationStatus, Channel, DocumentKind, RejectReason};
use nhi_core::domain::{RocDate, Secret};
use nhi_core::tr;

#[derive(Template)]
#[template(path = "review/login.html")]
struct LoginPage {
    page: PageLang,
    error: Option<String>,
}

pub async fn login_form(page: PageLang) -> Response {
    render(&LoginPage { page, error: None })
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: Secret,
}

pub async fn login(
    page: PageLang,
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Form(form): Form<LoginForm>,
) -> Result<Response, ApiError> {
    let again = |error: String| {
        Ok(render(&LoginPage {
            page: page.clone(),
            error: Some(error),
        }))
    };
    let username =
        match staff_sign_in::check(&state, &form.username, form.password, peer.ip()).await? {
            Ok((username, _)) => username,
            Err(Refused::Locked(lockout)) => return again(locked_message(&page, lockout)),
            Err(Refused::Wrong { left }) => {
                return again(tr!(page.lang, "review-wrong-credentials", left = left))
            }
        };
    let token = DOOR.open(&state, &username, None).await?;
    Ok(DOOR.enter(&token, "/review"))
}

fn locked_message(page: &PageLang, lockout: Lockout) -> String {
    tr!(page.lang, "review-locked", minutes = lockout.minutes())
}

/// Signs the reviewer out: the session ends on the server, the cookie is cleared.
pub async fn logout(
    State(state): State<AppState>,
    SignedIn(reviewer): SignedIn<Reviewer>,
) -> Result<Response, ApiError> {
    DOOR.close(&state, &reviewer.token_hash).await?;
    Ok(DOOR.leave("/review/login"))
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
    page: PageLang,
    reviewer: String,
    rows: Vec<QueueRow>,
}

pub async fn queue(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(Reviewer {
        username: reviewer, ..
    }): SignedIn<Reviewer>,
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
            submitted_at: taiwan_time(a.submitted_at, page.lang),
        });
    }
    Ok(render(&QueuePage {
        page,
        reviewer,
        rows,
    }))
}

#[derive(Template)]
#[template(path = "review/application.html")]
struct ApplicationPage {
    page: PageLang,
    reviewer: String,
    number: i64,
    waiting: bool,
    status: String,
    name: String,
    id_number: String,
    birth_date: String,
    sex: String,
    card_number: String,
    document: String,
    contact_phone: String,
    email: String,
    submitted_at: String,
    /// How it came: the person, or staff for them (專案申請), and who.
    channel: String,
    /// A staff application's signed consent form is shown beside the images.
    has_consent_form: bool,
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
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(Reviewer {
        username: reviewer, ..
    }): SignedIn<Reviewer>,
    Path(number): Path<i64>,
) -> Result<Response, ApiError> {
    let a = numbered(&state, number).await?;
    let p = state
        .store
        .find_person(&a.id_number)
        .await?
        .ok_or(ApiError::NotFound)?;
    let today = state.clock.now().date_naive();
    let birth = format!(
        "{} ({})",
        RocDate::new(p.birth_date)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        p.birth_date
    );
    let age = nhi_core::domain::card_application::age_on(p.birth_date, today);
    Ok(render(&ApplicationPage {
        birth_date: tr!(page.lang, "review-age", date = birth, age = age),
        reviewer,
        number,
        waiting: a.status == ApplicationStatus::UnderReview,
        status: page.t(match a.status {
            ApplicationStatus::UnderReview => "review-status-under-review",
            ApplicationStatus::Approved => "review-status-approved",
            ApplicationStatus::Rejected => "review-status-rejected",
            ApplicationStatus::Superseded => "review-status-superseded",
            ApplicationStatus::Cancelled => "review-status-cancelled",
        }),
        name: p.name.clone(),
        id_number: p.id_number.to_string(),
        sex: page.t(match p.sex {
            crate::store::Sex::Male => "review-sex-male",
            crate::store::Sex::Female => "review-sex-female",
        }),
        card_number: p.card_number.to_string(),
        document: page.t(match a.document_kind {
            DocumentKind::NationalIdCard => "review-document-national-id",
            DocumentKind::IdCardOrNhiCard => "review-document-id-or-nhi-card",
            DocumentKind::ResidencePermit => "review-document-residence-permit",
        }),
        channel: match (a.channel, a.applied_by_name.as_deref()) {
            (Channel::App, _) | (_, None) => page.t("review-channel-app"),
            (Channel::HomeCare, Some(by)) => tr!(page.lang, "review-channel-home-care", by = by),
            (Channel::Counter, Some(by)) => tr!(page.lang, "review-channel-counter", by = by),
        },
        has_consent_form: a.consent_form.is_some(),
        contact_phone: a.contact_phone,
        email: a.email,
        submitted_at: taiwan_time(a.submitted_at, page.lang),
        page: page.clone(),
        reasons: RejectReason::ALL
            .into_iter()
            .map(|r| (r.as_str(), page.t(r.message_id())))
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
    SignedIn(Reviewer {
        username: reviewer, ..
    }): SignedIn<Reviewer>,
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
    _reviewer: SignedIn<Reviewer>,
    Path((number, kind)): Path<(i64, String)>,
) -> Result<Response, ApiError> {
    let a = numbered(&state, number).await?;
    let bytes = match kind.as_str() {
        "id-document" => state
            .store
            .find_upload(&a.document_upload)
            .await?
            .map(|u| u.bytes),
        "photo" => state
            .store
            .find_upload(&a.photo_upload)
            .await?
            .map(|u| u.bytes),
        "consent-form" => match &a.consent_form {
            Some(form) => state.store.find_consent_form(form).await?.map(|f| f.bytes),
            None => None,
        },
        _ => None,
    };
    let bytes = bytes.ok_or(ApiError::NotFound)?;
    Ok((
        [
            (CONTENT_TYPE, "image/jpeg"),
            (CACHE_CONTROL, "private, no-store"),
        ],
        bytes,
    )
        .into_response())
}
