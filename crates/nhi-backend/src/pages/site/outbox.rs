//! The testers' window on the simulated mail server and carriers: every e-mail and text
//! message the backend sent. A demo
//! switch: the confirmation links in these mails are keys to people's registrations.

use crate::pages::PageLang;
use askama::Template;
use axum::extract::State;
use axum::response::Response;

use crate::error::ApiError;
use crate::pages::render;
use crate::pages::time_text::taiwan_time;
use crate::state::AppState;

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
    page: PageLang,
    signed_in: bool,
    mails: Vec<MailView>,
    texts: Vec<(String, String, String)>,
}

/// Only with the demo switch on (`--demo-outbox`): otherwise mail reaches its recipients
/// alone, and the page does not exist.
pub async fn list(page: PageLang, State(state): State<AppState>) -> Result<Response, ApiError> {
    if !state.demo_outbox {
        return Err(ApiError::NotFound);
    }
    let mails = state
        .store
        .mails(100)
        .await?
        .into_iter()
        .map(|m| MailView {
            recipient: m.recipient,
            subject: m.subject,
            sent_at: taiwan_time(m.created_at, page.lang),
            lines: m
                .body
                .lines()
                .map(|l| (l.to_owned(), l.starts_with("https://")))
                .collect(),
        })
        .collect();
    // The simulated carriers' text messages: (number, sent at, text).
    let texts = state
        .store
        .sms_messages(100)
        .await?
        .into_iter()
        .map(|m| (m.mobile, taiwan_time(m.created_at, page.lang), m.body))
        .collect();
    Ok(render(&OutboxPage {
        page,
        signed_in: false,
        mails,
        texts,
    }))
}
