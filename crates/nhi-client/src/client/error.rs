//! Everything that can go wrong talking to the backend. The words for people live in the
//! catalogues; `app::error_text` maps each case and problem code to its message.

use nhi_core::api::{Problem, ProblemCode};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ClientError {
    #[error("client setup failed: {0}")]
    Setup(String),
    #[error("cannot reach the server")]
    CannotConnect,
    #[error("the server did not answer in time")]
    Timeout,
    #[error("the server's certificate is not trusted")]
    UntrustedCertificate,
    #[error("network error: {0}")]
    Network(String),
    #[error("{}: {}", .0.code.as_str(), .0.title)]
    Problem(Problem),
    #[error("unexpected answer from the server (HTTP {0})")]
    UnexpectedStatus(u16),
    #[error("the server's answer could not be read: {0}")]
    Decode(String),
}

impl ClientError {
    /// The server could not be reached (offline, a dead network, no answer in time): what
    /// the app already shows may still be good.
    pub fn is_unreachable(&self) -> bool {
        matches!(self, Self::CannotConnect | Self::Timeout | Self::Network(_))
    }

    pub(super) fn from_transport(error: reqwest::Error) -> Self {
        if error.is_timeout() {
            return Self::Timeout;
        }
        // rustls reports a certificate it cannot chain to a trusted root as an
        // "invalid peer certificate" somewhere down the source chain.
        let mut source: Option<&dyn std::error::Error> = Some(&error);
        while let Some(e) = source {
            let text = e.to_string();
            if text.contains("invalid peer certificate") || text.contains("UnknownIssuer") {
                return Self::UntrustedCertificate;
            }
            source = e.source();
        }
        // In the browser, fetch reports every transport failure the same way.
        #[cfg(target_arch = "wasm32")]
        let cannot_connect = error.is_request();
        #[cfg(not(target_arch = "wasm32"))]
        let cannot_connect = error.is_connect();
        if cannot_connect {
            Self::CannotConnect
        } else {
            Self::Network(error.to_string())
        }
    }

    /// The server's machine code, when the server answered with a problem.
    pub fn code(&self) -> Option<ProblemCode> {
        match self {
            Self::Problem(p) => Some(p.code),
            _ => None,
        }
    }

    /// True when the person has to sign in again.
    pub fn needs_sign_in(&self) -> bool {
        matches!(
            self.code(),
            Some(ProblemCode::Unauthenticated | ProblemCode::SessionExpired)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expired_sessions_ask_to_sign_in_again() {
        let e = ClientError::Problem(Problem::of(ProblemCode::SessionExpired));
        assert!(e.needs_sign_in());
        assert!(!ClientError::Timeout.needs_sign_in());
    }
}
