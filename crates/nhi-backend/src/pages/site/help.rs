//! 使用說明 and 電腦環境檢測: how registering and the device code work, step by step, and a
//! check of what the website needs — a secure connection, cookies, and the card reader. The
//! card reader is simulated by this backend (its service answers whenever the backend runs);
//! the page says so rather than pretend to see hardware.

use askama::Template;
use axum::http::header::USER_AGENT;
use axum::http::HeaderMap;
use axum::response::Response;

use super::site_session::SiteSession;
use crate::pages::door::MaybeSignedIn;
use crate::pages::{render, PageLang};

#[derive(Template)]
#[template(path = "site/help.html")]
struct HelpPage {
    page: PageLang,
    signed_in: bool,
}

pub async fn help(page: PageLang, session: MaybeSignedIn<SiteSession>) -> Response {
    render(&HelpPage {
        page,
        signed_in: session.0.is_some(),
    })
}

#[derive(Template)]
#[template(path = "site/check.html")]
struct CheckPage {
    page: PageLang,
    signed_in: bool,
    browser: String,
}

/// The connection is HTTPS by construction (the backend serves nothing else); cookies are
/// checked by the page's script; the card reader is the simulated service.
pub async fn check(
    page: PageLang,
    session: MaybeSignedIn<SiteSession>,
    headers: HeaderMap,
) -> Response {
    let browser = headers
        .get(USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .chars()
        .take(200)
        .collect();
    render(&CheckPage {
        page,
        signed_in: session.0.is_some(),
        browser,
    })
}
