//! Layers every answer passes through: security headers on pages, a same-origin check on
//! the forms that change something, and problem documents for every API error — including
//! the ones axum writes itself (a bad path parameter, a wrong method, a body too large) and
//! a handler that panicked.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use nhi_core::api::problem::{Problem, ProblemCode, CONTENT_TYPE};

/// The registration website, the reviewer console and the counter page: their own scripts
/// and styles only, never framed, no referrer leaving the site.
pub const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The web build of the app: WebAssembly needs `wasm-unsafe-eval`, and Dioxus's web renderer
/// evaluates JavaScript it generates itself (`unsafe-eval`; never inline scripts); Dioxus
/// writes its styles into `<style>` elements; photos and QR codes are `data:` or `blob:` images.
pub const APP_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; \
     connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; \
     form-action 'self'";

/// The server's own pages (as opposed to the web app, which is everything else outside the
/// API).
const SITE_PAGES: [&str; 4] = ["/register", "/review", "/counter", "/outbox"];

/// Adds the page headers: a content security policy, no framing, no referrer to other sites,
/// and no caching of the server's own pages.
pub async fn page_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    if path.starts_with(nhi_core::api::V1) {
        return response;
    }
    let site_page = SITE_PAGES.iter().any(|p| path.starts_with(p));
    let csp = if site_page { PAGE_CSP } else { APP_CSP };
    let headers = response.headers_mut();
    // The server's pages show persons, cards and codes: no browser or proxy keeps a copy
    // (their own scripts and styles may be kept; a page that says otherwise keeps its say).
    let asset = path.ends_with(".css") || path.ends_with(".js");
    if site_page && !asset && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(csp),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // `same-origin`, not `no-referrer`: with no referrer at all, browsers send `Origin: null`
    // on form posts, and the same-origin check below could not tell our pages from others.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    response
}

/// Forms that change something (`POST` to the website, the reviewer console, the counter)
/// must come from a page of this server: the browser's `Origin` must name this host.
/// SameSite=Strict cookies already keep other sites' forms out; this is the second lock,
/// and it also covers the counter page, whose credentials travel in the form itself.
pub async fn same_origin_forms(request: Request, next: Next) -> Response {
    let changes_state = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if changes_state
        && !request.uri().path().starts_with(nhi_core::api::V1)
        && !same_origin(request.headers(), request.uri())
    {
        tracing::info!(path = %request.uri().path(), "refused a cross-origin form");
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "此表單須從本網站送出。This form must be sent from this website's own page.\n",
        )
            .into_response();
    }
    next.run(request).await
}

/// Whether the browser's `Origin` is this very host. HTTP/2 names the host in the URI's
/// authority, HTTP/1.1 in `Host`. A form without an `Origin` did not come from a current
/// browser's page.
fn same_origin(headers: &HeaderMap, uri: &Uri) -> bool {
    let host = uri
        .authority()
        .map(|a| a.as_str())
        .or_else(|| headers.get(header::HOST).and_then(|v| v.to_str().ok()));
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    match (origin, host) {
        (Some(origin), Some(host)) => origin
            .strip_prefix("https://")
            .is_some_and(|o| o.eq_ignore_ascii_case(host)),
        _ => false,
    }
}

/// Turns every error answer of the API that is not a problem document yet (axum's own
/// rejections: path and query parameters, 404, 405 with its `Allow`, 413) into one.
pub async fn problem_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(CONTENT_TYPE.as_bytes()));
    if status.as_u16() < 400 || is_problem {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = to_bytes(body, 4096).await.unwrap_or_default();
    let detail = String::from_utf8_lossy(&text).trim().to_owned();
    let code = match status {
        StatusCode::NOT_FOUND => ProblemCode::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => ProblemCode::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ProblemCode::PayloadTooLarge,
        StatusCode::UNAUTHORIZED => ProblemCode::Unauthenticated,
        s if s.is_server_error() => ProblemCode::Internal,
        _ => ProblemCode::InvalidRequest,
    };
    // axum decided the status (a 415, a 422 of a path parameter …): it stays.
    let mut problem = Problem::of(code).with_status(status.as_u16());
    if !detail.is_empty() && !status.is_server_error() {
        problem = problem.with_detail(detail);
    }
    let mut rebuilt = Response::from_parts(
        parts,
        Body::from(serde_json::to_vec(&problem).unwrap_or_default()),
    );
    let headers = rebuilt.headers_mut();
    headers.remove(header::CONTENT_LENGTH);
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
    rebuilt
}

/// A handler that panicked answers 500 as a problem document, and the server carries on.
pub fn panic_as_problem(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    tracing::error!(panic = %what, "a handler panicked");
    let problem = Problem::of(ProblemCode::Internal)
        .with_detail("The server could not complete the request. Please try again.");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, CONTENT_TYPE)],
        serde_json::to_vec(&problem).unwrap_or_default(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::middleware;
    use axum::routing::get;
    use axum::Router;
    use tower::ServiceExt;
    use tower_http::catch_panic::CatchPanicLayer;

    async fn answer(app: Router, method: Method, path: &str) -> (StatusCode, HeaderMap, Problem) {
        let request = Request::builder()
            .method(method)
            .uri(path)
            .body(Body::empty())
            .unwrap();
        let response = app.oneshot(request).await.unwrap();
        let (parts, body) = response.into_parts();
        let bytes = to_bytes(body, 1 << 16).await.unwrap();
        (
            parts.status,
            parts.headers,
            serde_json::from_slice(&bytes).expect("a problem document"),
        )
    }

    fn app() -> Router {
        Router::new()
            .route(
                "/boom",
                get(|| async {
                    panic!("a handler bug");
                    #[allow(unreachable_code)]
                    ""
                }),
            )
            .route(
                "/n/{n}",
                get(
                    |axum::extract::Path(n): axum::extract::Path<u32>| async move { n.to_string() },
                ),
            )
            .layer(middleware::from_fn(problem_errors))
            .layer(CatchPanicLayer::custom(panic_as_problem))
    }

    #[tokio::test]
    async fn a_panicking_handler_answers_500_as_a_problem() {
        let (status, headers, p) = answer(app(), Method::GET, "/boom").await;
        assert_eq!(status, 500);
        assert_eq!(headers[header::CONTENT_TYPE], CONTENT_TYPE);
        assert_eq!(p.code, ProblemCode::Internal);
        assert!(
            !p.detail.unwrap_or_default().contains("handler bug"),
            "no internals"
        );
    }

    #[tokio::test]
    async fn axums_own_rejections_become_problems() {
        let (status, _, p) = answer(app(), Method::GET, "/n/abc").await;
        assert_eq!(
            (status.as_u16(), p.code),
            (400, ProblemCode::InvalidRequest)
        );
        let (status, headers, p) = answer(app(), Method::POST, "/n/1").await;
        assert_eq!(
            (status.as_u16(), p.code),
            (405, ProblemCode::MethodNotAllowed)
        );
        assert!(headers.contains_key(header::ALLOW));
    }

    #[test]
    fn same_origin_needs_an_origin_naming_this_host() {
        let mut h = HeaderMap::new();
        let uri = Uri::from_static("/register/login");
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8443"));
        assert!(!same_origin(&h, &uri), "no Origin");
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(!same_origin(&h, &uri));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://127.0.0.1:8443"),
        );
        assert!(same_origin(&h, &uri));
        let h2 = Uri::from_static("https://127.0.0.1:8443/register/login");
        h.remove(header::HOST);
        assert!(same_origin(&h, &h2), "HTTP/2: the authority names the host");
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:8443"),
        );
        assert!(!same_origin(&h, &h2), "plain http is another origin");
    }
}
