//! The language of the backend's own pages (the registration website and its mails, the
//! reviewer console, the counter): the app's four — zh-TW, English, Bahasa Indonesia, Tiếng
//! Việt — chosen with the switch on every page and remembered by a cookie, with the browser's
//! Accept-Language as the first guess. (A caregiver on a prepaid SIM must use the website; the
//! caregivers of the FAQ are mostly Indonesian and Vietnamese.)

use std::convert::Infallible;

use axum::extract::{FromRequestParts, Query};
use axum::http::header::{ACCEPT_LANGUAGE, LOCATION};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use axum_extra::extract::cookie::{Cookie, SameSite};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Deserialize;

use crate::http::cookies::cookie_value;
use nhi_core::i18n::Lang;

/// The cookie that keeps the choice; not a secret, so readable to every page.
const COOKIE: &str = "nhi_page_lang";
/// The languages the pages speak.
pub const PAGE_LANGS: [Lang; 4] = Lang::ALL;

/// The page's language and where the page is (for the switch to come back to).
#[derive(Debug, Clone)]
pub struct PageLang {
    pub lang: Lang,
    /// The path and query of this page.
    pub here: String,
}

impl PageLang {
    /// The message `id` in the page's language.
    pub fn t(&self, id: &str) -> String {
        self.lang.t(id)
    }

    /// For `<html lang>`.
    pub fn tag(&self) -> &'static str {
        self.lang.tag()
    }

    /// The switch: every other language of the pages, by its own name, with its link.
    pub fn others(&self) -> Vec<(&'static str, &'static str, String)> {
        PAGE_LANGS
            .into_iter()
            .filter(|l| *l != self.lang)
            .map(|l| {
                let back = utf8_percent_encode(&self.here, BACK_KEEPS);
                (
                    l.own_name(),
                    l.tag(),
                    format!("/lang/{}?back={back}", l.code()),
                )
            })
            .collect()
    }

    /// For tests and pages built outside a request.
    pub fn of(lang: Lang) -> Self {
        Self {
            lang,
            here: "/".into(),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for PageLang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let chosen = cookie_value(parts, COOKIE).and_then(|c| Lang::from_tag(&c));
        let guessed = || {
            parts
                .headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|h| h.to_str().ok())
                .and_then(Lang::from_accept_language)
        };
        let lang = chosen.or_else(guessed).unwrap_or_default();
        let here = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/".into());
        Ok(Self { lang, here })
    }
}

/// What a path and query keep as they are inside the `back=` parameter: letters, digits and
/// `/-_.`; the rest (`?`, `&`, `=` …) is percent-encoded.
const BACK_KEEPS: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'/')
    .remove(b'-')
    .remove(b'_')
    .remove(b'.');

#[derive(Deserialize)]
struct Back {
    back: Option<String>,
}

/// `GET /lang/{code}?back=/path`: keeps the choice and goes back to the page. Only a path on
/// this site is followed back (never `//elsewhere` or `https://…`).
async fn switch(
    axum::extract::Path(code): axum::extract::Path<String>,
    Query(back): Query<Back>,
) -> Response {
    let Some(lang) = Lang::from_tag(&code).filter(|l| PAGE_LANGS.contains(l)) else {
        return (StatusCode::NOT_FOUND, "no such language").into_response();
    };
    let back = back
        .back
        .as_deref()
        .and_then(same_site_target)
        .unwrap_or_else(|| "/register".into());
    let cookie = Cookie::build((COOKIE, lang.code()))
        .path("/")
        .secure(true)
        .same_site(SameSite::Lax)
        .max_age(cookie::time::Duration::days(365))
        .build()
        .to_string();
    let location = HeaderValue::from_str(&back).unwrap_or(HeaderValue::from_static("/register"));
    (
        StatusCode::SEE_OTHER,
        [(LOCATION, location)],
        [(axum::http::header::SET_COOKIE, cookie)],
    )
        .into_response()
}

/// The path and query of a link back to this site, or `None` for anything else. Browsers
/// drop tabs and line breaks inside an address and read `\` as `/`, so `/\t/evil.example`
/// or `/\evil.example` would take the person to another site: any control character,
/// whitespace or backslash refuses the link, and what is kept is parsed as a URI with neither
/// scheme nor host, then written out as its path and query (no fragment).
fn same_site_target(back: &str) -> Option<String> {
    let clean = back
        .chars()
        .all(|c| !c.is_control() && !c.is_whitespace() && c != '\\');
    if !clean || !back.starts_with('/') || back.starts_with("//") {
        return None;
    }
    let uri: axum::http::Uri = back.parse().ok()?;
    if uri.scheme().is_some() || uri.authority().is_some() {
        return None;
    }
    let target = uri.path_and_query()?.as_str();
    (target.starts_with('/') && !target.starts_with("//")).then(|| target.to_owned())
}

pub fn router<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new().route("/lang/{code}", get(switch))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request;

    async fn lang_of(request: Request<()>) -> Lang {
        let (mut parts, _) = request.into_parts();
        PageLang::from_request_parts(&mut parts, &())
            .await
            .unwrap()
            .lang
    }

    #[tokio::test]
    async fn the_cookie_wins_then_the_browser_then_zh_tw() {
        let with = |cookie: Option<&str>, accept: Option<&str>| {
            let mut r = Request::builder().uri("/register");
            if let Some(c) = cookie {
                r = r.header("cookie", format!("{COOKIE}={c}"));
            }
            if let Some(a) = accept {
                r = r.header(ACCEPT_LANGUAGE, a);
            }
            r.body(()).unwrap()
        };
        assert_eq!(lang_of(with(None, None)).await, Lang::ZhTw);
        assert_eq!(lang_of(with(None, Some("en-US,en;q=0.9"))).await, Lang::En);
        assert_eq!(lang_of(with(None, Some("id-ID,id;q=0.9"))).await, Lang::Id);
        assert_eq!(lang_of(with(None, Some("vi-VN,vi;q=0.9"))).await, Lang::Vi);
        assert_eq!(lang_of(with(None, Some("zh-CN"))).await, Lang::ZhTw);
        assert_eq!(lang_of(with(Some("zh-TW"), Some("en"))).await, Lang::ZhTw);
        assert_eq!(lang_of(with(Some("en"), None)).await, Lang::En);
    }

    #[test]
    fn only_a_path_on_this_site_is_followed_back() {
        assert_eq!(
            same_site_target("/register/apply?method=card").as_deref(),
            Some("/register/apply?method=card")
        );
        assert_eq!(same_site_target("/counter").as_deref(), Some("/counter"));
        for hostile in [
            "/\t/evil.example",
            "/\r\n/evil.example",
            "/\n/evil.example",
            "/\\evil.example",
            "/\\/evil.example",
            "//evil.example",
            "///evil.example",
            "https://evil.example/",
            "evil.example",
            "/ /evil.example",
            "/\u{a0}/evil.example",
            "/\u{2028}/evil.example",
            "",
        ] {
            assert_eq!(same_site_target(hostile), None, "{hostile:?}");
        }
    }

    #[test]
    fn the_switch_comes_back_to_the_same_page() {
        let page = PageLang {
            lang: Lang::ZhTw,
            here: "/register/apply?method=card".into(),
        };
        let others = page.others();
        assert_eq!(others.len(), 3, "the other three languages");
        assert_eq!(others[0].0, "English");
        assert_eq!(others[0].2, "/lang/en?back=/register/apply%3Fmethod%3Dcard");
        assert_eq!(others[1].2, "/lang/id?back=/register/apply%3Fmethod%3Dcard");
        assert_eq!(others[2].2, "/lang/vi?back=/register/apply%3Fmethod%3Dcard");
    }
}
