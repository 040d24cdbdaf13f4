//! The counter's front page and what fills it: the form, who is signed in, the verification
//! or why not, and the video visit panel while signed in.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::refusal::Refusal;
use super::session::Clerk;
use super::video_panel::VideoPanel;
use crate::error::ApiError;
use crate::pages::render;
use crate::pages::PageLang;
use crate::state::AppState;
use nhi_core::api::Verification;
use nhi_core::tr;

#[derive(Template)]
#[template(path = "counter/counter.html")]
pub(super) struct CounterPage {
    pub(super) page: PageLang,
    /// What the clerk typed, back in the form (never the SAM key or the PIN).
    pub(super) institution_code: String,
    pub(super) hpc_id: String,
    /// "Signed in: institution (professional card)" while the counter is signed in.
    pub(super) signed_in: Option<String>,
    pub(super) result: Option<Verification>,
    /// Who showed the card: the holder, or a delegate by name and ID.
    pub(super) presented_by: String,
    pub(super) refusal: Option<Refusal>,
    /// The video visit request form and recent requests, while signed in.
    pub(super) video: Option<VideoPanel>,
}

impl CounterPage {
    /// The empty form, signed out, nothing verified.
    pub(super) fn blank(page: PageLang) -> Self {
        Self {
            page,
            institution_code: String::new(),
            hpc_id: String::new(),
            signed_in: None,
            result: None,
            presented_by: String::new(),
            refusal: None,
            video: None,
        }
    }

    /// The page for `clerk` (signed in, or not when `None`), with the video panel.
    pub(super) async fn for_clerk(
        page: PageLang,
        state: &AppState,
        clerk: Option<&Clerk>,
    ) -> Result<Self, ApiError> {
        let video = match clerk {
            Some(clerk) => Some(VideoPanel::of(&page, state, &clerk.institution, None).await?),
            None => None,
        };
        Ok(Self {
            signed_in: clerk.map(|c| c.line(&page)),
            video,
            ..Self::blank(page)
        })
    }
}

pub(super) fn presented_by(page: &PageLang, result: Option<&Verification>) -> String {
    match result.and_then(|v| v.delegate.as_ref()) {
        Some(d) => tr!(
            page.lang,
            "counter-presented-by-delegate",
            name = d.name.as_str(),
            id = d.id_number.to_string()
        ),
        None => page.t("counter-the-holder"),
    }
}

/// The counter page with nothing verified: the form, the video panel while signed in, and a
/// refusal if there is one.
pub(super) async fn nothing_verified(
    page: PageLang,
    state: &AppState,
    clerk: Option<&Clerk>,
    refusal: Option<Refusal>,
) -> Result<Response, ApiError> {
    let shown = CounterPage::for_clerk(page, state, clerk).await?;
    Ok(render(&CounterPage { refusal, ..shown }))
}

/// The counter page with a refused video visit request: what was typed stays.
pub(super) fn with_video_refusal(
    page: PageLang,
    clerk: &Clerk,
    video: VideoPanel,
    refusal: Refusal,
) -> Response {
    render(&CounterPage {
        signed_in: Some(clerk.line(&page)),
        video: Some(video),
        refusal: Some(refusal),
        ..CounterPage::blank(page)
    })
}

/// The counter page when the form itself could not be read: a photo over the limit (413) or
/// a broken upload (400); nothing was verified.
pub(super) async fn unreadable_form(
    page: PageLang,
    state: &AppState,
    clerk: Option<&Clerk>,
    status: StatusCode,
) -> Result<Response, ApiError> {
    let detail = if status == StatusCode::PAYLOAD_TOO_LARGE {
        "counter-photo-too-large-detail"
    } else {
        "counter-form-unreadable-detail"
    };
    let refusal = Refusal::plain(&page, "counter-bad-image", detail);
    let body = nothing_verified(page, state, clerk, Some(refusal)).await?;
    Ok((status, body).into_response())
}
