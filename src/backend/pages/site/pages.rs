//! Page templates (askama, under `templates/site/`) and rendering them.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use super::site_session::OptionalSiteSession;

/// Renders a page, or a plain 500 if a template fails (which tests would catch first).
pub fn render(page: &impl Template) -> Response {
    match page.render() {
        Ok(html) => Html(html).into_response(),
        Err(error) => {
            tracing::error!(%error, "template failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "page could not be rendered",
            )
                .into_response()
        }
    }
}

/// A short page with a title, a message and where to go next.
#[derive(Template)]
#[template(path = "site/message.html")]
pub struct MessagePage {
    pub signed_in: bool,
    pub title: String,
    pub message: String,
    pub next_href: String,
    pub next_label: String,
    pub is_error: bool,
}

impl MessagePage {
    pub fn info(title: &str, message: impl Into<String>, next: (&str, &str)) -> Self {
        Self {
            signed_in: false,
            title: title.into(),
            message: message.into(),
            next_href: next.0.into(),
            next_label: next.1.into(),
            is_error: false,
        }
    }

    pub fn error(title: &str, message: impl Into<String>, next: (&str, &str)) -> Self {
        Self {
            is_error: true,
            ..Self::info(title, message, next)
        }
    }
}

#[derive(Template)]
#[template(path = "site/home.html")]
struct HomePage {
    signed_in: bool,
}

pub async fn home(session: OptionalSiteSession) -> Response {
    render(&HomePage {
        signed_in: session.0.is_some(),
    })
}
