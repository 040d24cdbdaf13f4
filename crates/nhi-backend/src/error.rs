//! The one error type of the API. Every failure becomes an RFC 9457 problem document with a
//! stable code; internal details go to the log, never to the caller.

use axum::extract::rejection::JsonRejection;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::crypto::password_hash::HashError;
use super::store::StoreError;
use nhi_core::api::problem::{Problem, ProblemCode, CONTENT_TYPE};
use nhi_core::domain::IdNumberError;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    #[error("invalid ID number: {0}")]
    InvalidIdNumber(#[from] IdNumberError),
    #[error("wrong ID number or password")]
    WrongCredentials {
        /// Wrong passwords left before the account locks, when there is an account.
        attempts_left: Option<u32>,
    },
    #[error("account locked for {minutes} more minutes")]
    AccountLocked { seconds: u64, minutes: u64 },
    #[error("not signed in")]
    Unauthenticated,
    #[error("session expired")]
    SessionExpired,
    #[error("not found")]
    NotFound,
    /// A refusal with its own code (phone path, device codes, devices, images).
    #[error("{}: {}", .0.code.as_str(), .0.title)]
    Refused(Problem),
    /// A body axum could not take (malformed JSON 400/422, too large 413, wrong type 415).
    #[error("request rejected ({status}): {detail}")]
    Rejected { status: u16, detail: String },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Hash(#[from] HashError),
    /// A step of the server's own failed (the detail is logged, never sent).
    #[error("internal: {0}")]
    Internal(String),
}

/// Why an upload is not an image the backend takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageRefusal {
    TooLarge,
    NotAnImage,
    TooSmall,
}

impl ApiError {
    pub fn locked_for(seconds: i64) -> Self {
        let seconds = seconds.max(1) as u64;
        Self::AccountLocked {
            seconds,
            minutes: seconds.div_ceil(60),
        }
    }

    /// A refusal: the code brings its status and title, the detail says what happened.
    pub fn refuse(code: ProblemCode, detail: impl Into<String>) -> Self {
        Self::Refused(Problem::of(code).with_detail(detail))
    }

    /// An image refused: `BadImage` to the app (one message: not an image, too large or too
    /// small), with the HTTP status that says which.
    pub fn bad_image(why: ImageRefusal, detail: impl Into<String>) -> Self {
        let (status, title) = match why {
            ImageRefusal::TooLarge => (413, "Image too large"),
            ImageRefusal::NotAnImage => (415, "Not an image"),
            ImageRefusal::TooSmall => (422, "Image too small"),
        };
        let mut problem = Problem::of(ProblemCode::BadImage)
            .with_status(status)
            .with_detail(detail);
        problem.title = title.into();
        Self::Refused(problem)
    }

    /// Too many wrong tries: locked for `seconds`.
    pub fn too_many_attempts(seconds: i64) -> Self {
        let seconds = seconds.max(1) as u64;
        Self::Refused(
            Problem::of(ProblemCode::TooManyAttempts)
                .with_detail(format!(
                    "Too many wrong tries. Try again in {} minute(s).",
                    seconds.div_ceil(60)
                ))
                .with_retry_after(seconds),
        )
    }

    /// The same refusal, telling how many tries are left.
    pub fn with_attempts_left(self, left: u32) -> Self {
        match self {
            Self::Refused(p) => Self::Refused(p.with_attempts_left(left)),
            other => other,
        }
    }

    fn problem(&self) -> Problem {
        use ProblemCode as C;
        match self {
            Self::Refused(problem) => problem.clone(),
            Self::InvalidRequest(why) => Problem::of(C::InvalidRequest).with_detail(why.clone()),
            Self::InvalidIdNumber(why) => {
                Problem::of(C::InvalidIdNumber).with_detail(why.to_string())
            }
            Self::WrongCredentials { attempts_left } => {
                let p = Problem::of(C::WrongCredentials);
                match attempts_left {
                    Some(n) => p
                        .with_detail(format!(
                            "{n} more wrong password(s) will lock the account for a while"
                        ))
                        .with_attempts_left(*n),
                    None => p,
                }
            }
            Self::AccountLocked { seconds, minutes } => Problem::of(C::AccountLocked)
                .with_detail(format!(
                    "Too many wrong passwords. Try again in {minutes} minute(s)."
                ))
                .with_retry_after(*seconds),
            Self::Unauthenticated => Problem::of(C::Unauthenticated),
            Self::SessionExpired => Problem::of(C::SessionExpired)
                .with_detail("A sign-in lasts at most 2 hours. Please sign in again."),
            Self::NotFound => Problem::of(C::NotFound),
            Self::Store(e) if e.is_busy() => Problem::of(C::ServiceBusy)
                .with_detail("The server is busy. Please try again in a moment.")
                .with_retry_after(1),
            Self::Rejected { status, detail } => {
                let code = if *status == 413 {
                    C::PayloadTooLarge
                } else {
                    C::InvalidRequest
                };
                Problem::of(code)
                    .with_status(*status)
                    .with_detail(detail.clone())
            }
            Self::Store(_) | Self::Hash(_) | Self::Internal(_) => Problem::of(C::Internal)
                .with_detail("The server could not complete the request. Please try again."),
        }
    }
}

/// A JSON request body. One that cannot be read (malformed 400, wrong fields 422, too large
/// 413, not JSON 415) answers as a problem document like every other error.
#[derive(axum::extract::FromRequest)]
#[from_request(via(Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

/// A JSON body that failed to parse becomes a problem document like every other error.
impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection.status().as_u16() {
            400 => ApiError::InvalidRequest(rejection.body_text()),
            status => ApiError::Rejected {
                status,
                detail: rejection.body_text(),
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let problem = self.problem();
        if problem.status == 503 {
            tracing::warn!(error = %self, "database busy; asked the caller to retry");
        } else if problem.status >= 500 {
            tracing::error!(error = %self, "request failed");
        }
        let status =
            StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let retry_after = problem.retry_after_seconds;
        let mut response = (status, Json(problem)).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
        if let Some(seconds) = retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
