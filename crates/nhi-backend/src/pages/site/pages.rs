//! The website's shared page templates (askama, under `templates/site/`).

use askama::Template;
use axum::response::Response;

use super::site_session::SiteSession;
use crate::pages::door::MaybeSignedIn;
use crate::pages::{render, PageLang};

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
