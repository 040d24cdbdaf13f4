//! Answers that come before the request's body was read (wrong clinic cards, no session, a
//! rate limit) still reach a client that is uploading: what the handler left unread is read
//! and thrown away, within bounds, before the answer goes out ("lingering close"). Closing a
//! connection with unread data makes the kernel reset it, and the client — a clinic's HIS
//! halfway through a 3 MB photo — would see a broken connection instead of "wrong cards".

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::header::{HeaderValue, CONNECTION};
use axum::middleware::Next;
use axum::response::Response;
use http_body::{Frame, SizeHint};
use http_body_util::BodyExt;

/// The most a refused request's body is read past what its handler took: the largest upload
/// any route accepts, and some.
const DRAIN_BYTES: usize = 16 * 1024 * 1024;
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

pub async fn drain_unread_body(request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let shared = Arc::new(Mutex::new(Some(body)));
    let request = Request::from_parts(parts, Body::new(SharedBody(shared.clone())));
    let mut response = next.run(request).await;
    let left = shared
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .take();
    if let Some(body) = left {
        if !http_body::Body::is_end_stream(&body) && !drain(body).await {
            // Too much or too slow to read through: say the connection ends here.
            response
                .headers_mut()
                .insert(CONNECTION, HeaderValue::from_static("close"));
        }
    }
    response
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
