//! Reading a cookie from a request (the website's and the reviewer console's sessions).

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
