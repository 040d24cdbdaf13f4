//! The one error type of the API. Every failure becomes an RFC 9457 problem document with a
//! stable code; internal details go to the log, never to the caller.

use axum::extract::rejection::JsonRejection;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::auth::password_hash::HashError;
use super::store::StoreError;
use crate::api::problem::{Problem, ProblemCode, CONTENT_TYPE};
use crate::domain::IdNumberError;

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
}

impl ApiError {
    pub fn locked_for(seconds: i64) -> Self {
        let seconds = seconds.max(1) as u64;
        Self::AccountLocked {
            seconds,
            minutes: seconds.div_ceil(60),
        }
    }

    pub fn refuse(code: ProblemCode, status: u16, title: &str, detail: impl Into<String>) -> Self {
        Self::Refused(Problem::new(code, status, title).with_detail(detail))
    }

    /// Too many wrong tries: locked for `seconds`.
    pub fn too_many_attempts(seconds: i64) -> Self {
        let seconds = seconds.max(1) as u64;
        Self::Refused(
            Problem::new(ProblemCode::TooManyAttempts, 429, "Too many attempts")
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
            Self::InvalidRequest(why) => {
                Problem::new(C::InvalidRequest, 400, "Invalid request").with_detail(why.clone())
            }
            Self::InvalidIdNumber(why) => {
                Problem::new(C::InvalidIdNumber, 422, "Invalid ID number")
                    .with_detail(why.to_string())
            }
            Self::WrongCredentials { attempts_left } => {
                let p = Problem::new(C::WrongCredentials, 401, "Wrong ID number or password");
                match attempts_left {
                    Some(n) => p
                        .with_detail(format!(
                            "{n} more wrong password(s) will lock the account for a while"
                        ))
                        .with_attempts_left(*n),
                    None => p,
                }
            }
            Self::AccountLocked { seconds, minutes } => {
                Problem::new(C::AccountLocked, 423, "Account locked")
                    .with_detail(format!(
                        "Too many wrong passwords. Try again in {minutes} minute(s)."
                    ))
                    .with_retry_after(*seconds)
            }
            Self::Unauthenticated => Problem::new(C::Unauthenticated, 401, "Not signed in"),
            Self::SessionExpired => Problem::new(C::SessionExpired, 401, "Session expired")
                .with_detail("A sign-in lasts at most 2 hours. Please sign in again."),
            Self::NotFound => Problem::new(C::NotFound, 404, "Not found"),
            Self::Store(e) if e.is_busy() => Problem::new(C::ServiceBusy, 503, "Server busy")
                .with_detail("The server is busy. Please try again in a moment.")
                .with_retry_after(1),
            Self::Rejected { status, detail } => {
                let (code, title) = if *status == 413 {
                    (C::PayloadTooLarge, "Request too large")
                } else {
                    (C::InvalidRequest, "Invalid request")
                };
                Problem::new(code, *status, title).with_detail(detail.clone())
            }
            Self::Store(_) | Self::Hash(_) => Problem::new(C::Internal, 500, "Internal error")
                .with_detail("The server could not complete the request. Please try again."),
        }
    }
}

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
