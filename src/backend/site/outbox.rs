//! The testers' window on the simulated mail server: every e-mail the backend sent.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use super::device_code::taiwan_time;
use super::pages::render;
use crate::backend::error::ApiError;
use crate::backend::state::AppState;

struct MailView {
    recipient: String,
    subject: String,
    sent_at: String,
    /// Lines of the body; those that are links are made clickable.
    lines: Vec<(String, bool)>,
}

#[derive(Template)]
#[template(path = "site/outbox.html")]
struct OutboxPage {
    signed_in: bool,
    mails: Vec<MailView>,
}

pub async fn list(State(state): State<AppState>) -> Result<Response, ApiError> {
    let mails = state
        .store
        .mails(100)
        .await?
        .into_iter()
        .map(|m| MailView {
            recipient: m.recipient,
            subject: m.subject,
            sent_at: taiwan_time(m.created_at),
            lines: m
                .body
                .lines()
                .map(|l| (l.to_owned(), l.starts_with("https://")))
                .collect(),
        })
        .collect();
    Ok(render(&OutboxPage {
        signed_in: false,
        mails,
    }))
}
