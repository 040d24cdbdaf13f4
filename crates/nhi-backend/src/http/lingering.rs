//! Every request body passes here: bounded by `body_limits` while the handler reads it, and
//! answered for when it was cut off.
//!
//! Answers that come before the request's body was read (wrong clinic cards, no session, a
//! rate limit) still reach a client that is uploading: what the handler left unread is read
//! and thrown away, within bounds, before the answer goes out ("lingering close"). Closing a
//! connection with unread data makes the kernel reset it, and the client — a clinic's HIS
//! halfway through a 3 MB photo — would see a broken connection instead of "wrong cards".

use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::{HeaderValue, CONNECTION, CONTENT_TYPE};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body::{Frame, SizeHint};
use http_body_util::BodyExt;

use super::body_limits::{BodyBudget, BodyRefusal, BoundedBody};
use crate::error::ApiError;

/// The most a refused request's body is read past what its handler took: the largest upload
/// any route accepts, and some.
const DRAIN_BYTES: usize = 32 * 1024 * 1024;
/// How long a refused request's unread body is read, at most.
const DRAIN_TIME: Duration = Duration::from_secs(5);

/// The request's body, shared between the handler and this middleware: whatever the handler
/// does not read stays here to be drained.
struct SharedBody(Arc<Mutex<Option<Body>>>);

impl http_body::Body for SharedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let mut body = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match body.as_mut() {
            Some(body) => Pin::new(body).poll_frame(cx),
            None => Poll::Ready(None),
        }
    }

    fn size_hint(&self) -> SizeHint {
        let body = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        body.as_ref()
            .map(http_body::Body::size_hint)
            .unwrap_or_default()
    }
}

/// Bounds every request's body (`body_limits`: bytes per client and in all, time), answers
/// for a body that was cut off, and drains what the handler left unread.
pub async fn bound_and_drain_bodies(
    State(budget): State<BodyBudget>,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    // Bodies that are already over (GET, an empty POST) need no meter.
    let meter = (!http_body::Body::is_end_stream(&body)).then(|| {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        budget.meter(peer)
    });
    let body = match &meter {
        Some(meter) => Body::new(BoundedBody::new(body, meter.clone(), budget.limits())),
        None => body,
    };
    let shared = Arc::new(Mutex::new(Some(body)));
    let request = Request::from_parts(parts, Body::new(SharedBody(shared.clone())));
    let mut response = next.run(request).await;
    let left = shared
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .take();
    let Some(meter) = meter else {
        return response;
    };
    meter.discard_the_rest();
    let refusal = meter.refusal();
    if let Some(refusal) = refusal {
        response = answer_for(refusal, response);
        tracing::info!(%refusal, "a request body was cut off");
    }
    let drained = match left {
        // What a cut-off client still sends is not read: the connection ends.
        _ if refusal.is_some() => false,
        Some(body) if !http_body::Body::is_end_stream(&body) => drain(body).await,
        _ => true,
    };
    if !drained {
        // Too much or too slow to read through: say the connection ends here.
        response
            .headers_mut()
            .insert(CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// The answer for a body cut off: a problem document, unless the handler made a page of its
/// own (the counter says it in the clerk's language).
fn answer_for(refusal: BodyRefusal, handlers: Response) -> Response {
    let is_page = handlers
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if is_page {
        return handlers;
    }
    ApiError::Refused(refusal.problem()).into_response()
}

/// Reads and drops what is left of a body; false when it was larger or slower than the
/// bounds allow.
async fn drain(mut body: Body) -> bool {
    let mut read = 0usize;
    let all = async {
        while let Some(frame) = body.frame().await {
            let Ok(frame) = frame else { return false };
            read += frame.data_ref().map_or(0, Bytes::len);
            if read > DRAIN_BYTES {
                return false;
            }
        }
        true
    };
    tokio::time::timeout(DRAIN_TIME, all).await.unwrap_or(false)
}
