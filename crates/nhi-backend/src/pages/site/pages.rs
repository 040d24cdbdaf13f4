//! Page templates (askama, under `templates/site/`) and rendering them.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use super::site_session::SiteSession;
use crate::pages::door::MaybeSignedIn;
use crate::pages::PageLang;

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
    pub page: PageLang,
    pub signed_in: bool,
    pub title: String,
    pub message: String,
    pub next_href: String,
    pub next_label: String,
    pub is_error: bool,
}

impl MessagePage {
    /// `title` and the next link's label are message ids; `message` is the words.
    pub fn info(
        page: &PageLang,
        title: &str,
        message: impl Into<String>,
        next: (&str, &str),
    ) -> Self {
        Self {
            page: page.clone(),
            signed_in: false,
            title: page.t(title),
            message: message.into(),
            next_href: next.0.into(),
            next_label: page.t(next.1),
            is_error: false,
        }
    }

    pub fn error(
        page: &PageLang,
        title: &str,
        message: impl Into<String>,
        next: (&str, &str),
    ) -> Self {
        Self {
            is_error: true,
            ..Self::info(page, title, message, next)
        }
    }
}

#[derive(Template)]
#[template(path = "site/home.html")]
struct HomePage {
    page: PageLang,
    signed_in: bool,
}

pub async fn home(page: PageLang, session: MaybeSignedIn<SiteSession>) -> Response {
    render(&HomePage {
        page,
        signed_in: session.0.is_some(),
    })
}
