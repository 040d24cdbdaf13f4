//! 重要資訊 in the console: staff publish an announcement for the app's home screen, and take
//! one down. Bounded: a title of 60 characters, a text of 500.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use super::reviewer_session::Reviewer;
use crate::error::ApiError;
use crate::pages::door::SignedIn;
use crate::pages::time_text::taiwan_time;
use crate::pages::{render, PageLang};
use crate::state::AppState;
use nhi_core::i18n::Lang;

const TITLE_CHARS: usize = 60;
const BODY_CHARS: usize = 500;
/// The console lists this many (the app shows the newest few).
const LISTED: i64 = 50;

struct Row {
    id: i64,
    title: String,
    body: String,
    published: String,
}

#[derive(Template)]
#[template(path = "review/announcements.html")]
struct AnnouncementsPage {
    page: PageLang,
    /// The languages an announcement may be written in: (code, own name).
    langs: Vec<(&'static str, &'static str)>,
    reviewer: String,
    rows: Vec<Row>,
    title: String,
    body: String,
    error: Option<String>,
}

async fn show(
    state: &AppState,
    page: PageLang,
    reviewer: String,
    typed: (String, String),
    error: Option<String>,
) -> Result<Response, ApiError> {
    let rows = state
        .store
        .latest_announcements(LISTED)
        .await?
        .into_iter()
        .map(|a| Row {
            id: a.id,
            published: taiwan_time(a.published_at, page.lang),
            title: a.title,
            body: a.body,
        })
        .collect();
    Ok(render(&AnnouncementsPage {
        langs: Lang::ALL.map(|l| (l.code(), l.own_name())).to_vec(),
        page,
        reviewer,
        rows,
        title: typed.0,
        body: typed.1,
        error,
    }))
}

pub async fn list(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(reviewer): SignedIn<Reviewer>,
) -> Result<Response, ApiError> {
    show(&state, page, reviewer.username, Default::default(), None).await
}

#[derive(Deserialize)]
pub struct NewAnnouncement {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    lang: String,
}

pub async fn publish(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(reviewer): SignedIn<Reviewer>,
    Form(form): Form<NewAnnouncement>,
) -> Result<Response, ApiError> {
    let (title, body) = (form.title.trim(), form.body.trim());
    // Written in one of the app's languages (read aloud as such); Chinese unless told.
    let lang = Lang::ALL
        .into_iter()
        .find(|l| l.code() == form.lang)
        .unwrap_or(Lang::ZhTw);
    let error = if title.is_empty() || body.is_empty() {
        Some(page.t("review-announcement-required"))
    } else if title.chars().count() > TITLE_CHARS || body.chars().count() > BODY_CHARS {
        Some(page.t("review-announcement-too-long"))
    } else {
        None
    };
    if let Some(error) = error {
        let typed = (title.to_owned(), body.to_owned());
        let again = show(&state, page, reviewer.username, typed, Some(error)).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, again).into_response());
    }
    let now = state.clock.now();
    state
        .store
        .publish_announcement(title, body, lang.code(), &reviewer.username, now)
        .await?;
    Ok(Redirect::to("/review/announcements").into_response())
}

pub async fn withdraw(
    State(state): State<AppState>,
    _reviewer: SignedIn<Reviewer>,
    Path(id): Path<i64>,
) -> Result<Response, ApiError> {
    if !state.store.withdraw_announcement(id).await? {
        return Err(ApiError::NotFound);
    }
    Ok(Redirect::to("/review/announcements").into_response())
}
