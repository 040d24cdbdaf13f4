//! The session cookies of the backend's own pages (website, reviewer console, counter):
//! reading one from a request, and setting or clearing one with the same attributes
//! everywhere — HttpOnly, Secure, SameSite=Strict (no other site can post the forms), and
//! limited to the pages' own path. Parsing and writing through axum-extra's cookie jar.

use axum::http::request::Parts;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};

/// The value of the named cookie, if the request carries it.
pub fn cookie_value(parts: &Parts, name: &str) -> Option<String> {
    CookieJar::from_headers(&parts.headers)
        .get(name)
        .map(|c| c.value().to_owned())
}

/// A session cookie holding `token` for `max_age`, sent back only to pages under `path`.
pub fn session_cookie(name: &str, path: &str, token: &str, max_age: chrono::Duration) -> String {
    with_attributes(name, path, token, max_age.num_seconds())
}

/// Clears the session cookie set by [`session_cookie`] with the same name and path.
pub fn cleared_cookie(name: &str, path: &str) -> String {
    with_attributes(name, path, "", 0)
}

fn with_attributes(name: &str, path: &str, value: &str, max_age_seconds: i64) -> String {
    Cookie::build((name.to_owned(), value.to_owned()))
        .path(path.to_owned())
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .max_age(cookie::time::Duration::seconds(max_age_seconds))
        .build()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::header::COOKIE;
    use axum::http::Request;

    /// Name, value, path, HttpOnly, Secure, SameSite and Max-Age of a `Set-Cookie` value.
    fn attributes(set_cookie: &str) -> String {
        let c = Cookie::parse(set_cookie).unwrap();
        format!(
            "{}={} path={:?} http_only={:?} secure={:?} same_site={:?} max_age={:?}",
            c.name(),
            c.value(),
            c.path(),
            c.http_only(),
            c.secure(),
            c.same_site(),
            c.max_age().map(|a| a.whole_seconds())
        )
    }

    #[test]
    fn set_and_cleared_cookies_agree_on_name_path_and_flags() {
        let set = session_cookie("nhi_x", "/x", "tok", chrono::Duration::hours(2));
        assert_eq!(
            attributes(&set),
            "nhi_x=tok path=Some(\"/x\") http_only=Some(true) secure=Some(true) \
             same_site=Some(Strict) max_age=Some(7200)"
        );
        assert_eq!(
            attributes(&cleared_cookie("nhi_x", "/x")),
            "nhi_x= path=Some(\"/x\") http_only=Some(true) secure=Some(true) \
             same_site=Some(Strict) max_age=Some(0)"
        );
    }

    #[test]
    fn the_named_cookie_is_found_among_others() {
        let (parts, ()) = Request::builder()
            .header(COOKIE, "a=1; nhi_x=tok")
            .header(COOKIE, "b=2")
            .body(())
            .unwrap()
            .into_parts();
        assert_eq!(cookie_value(&parts, "nhi_x").as_deref(), Some("tok"));
        assert_eq!(cookie_value(&parts, "b").as_deref(), Some("2"));
        assert_eq!(cookie_value(&parts, "nhi"), None);
    }
}
