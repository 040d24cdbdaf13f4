//! The session cookies of the backend's own pages (website, reviewer console, counter):
//! reading one from a request, and setting or clearing one with the same attributes
//! everywhere — HttpOnly, Secure, SameSite=Strict (no other site can post the forms), and
//! limited to the pages' own path.

use axum::http::header::COOKIE;
use axum::http::request::Parts;

/// The value of the named cookie, if the request carries it.
pub fn cookie_value(parts: &Parts, name: &str) -> Option<String> {
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value.to_owned())
}

/// A session cookie holding `token` for `max_age`, sent back only to pages under `path`.
pub fn session_cookie(name: &str, path: &str, token: &str, max_age: chrono::Duration) -> String {
    format!(
        "{name}={token}; Path={path}; HttpOnly; Secure; SameSite=Strict; Max-Age={}",
        max_age.num_seconds()
    )
}

/// Clears the session cookie set by [`session_cookie`] with the same name and path.
pub fn cleared_cookie(name: &str, path: &str) -> String {
    format!("{name}=; Path={path}; HttpOnly; Secure; SameSite=Strict; Max-Age=0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_and_cleared_cookies_agree_on_name_path_and_flags() {
        let set = session_cookie("nhi_x", "/x", "tok", chrono::Duration::hours(2));
        assert_eq!(
            set,
            "nhi_x=tok; Path=/x; HttpOnly; Secure; SameSite=Strict; Max-Age=7200"
        );
        assert_eq!(
            cleared_cookie("nhi_x", "/x"),
            "nhi_x=; Path=/x; HttpOnly; Secure; SameSite=Strict; Max-Age=0"
        );
    }
}
