//! What the UI is started with: working services, or the reason there are none.

use std::sync::Arc;

use super::auth::Flows;
#[cfg(not(target_arch = "wasm32"))]
use crate::client::ApiClient;
#[cfg(not(target_arch = "wasm32"))]
use crate::platform::SecureStore;
use crate::platform::SecureStoreError;
#[cfg(not(target_arch = "wasm32"))]
use nhi_core::domain::SystemClock;
use nhi_core::i18n::Lang;
use nhi_core::i18n::Msg;

/// The app's services, shared by every screen.
#[derive(Clone)]
pub struct Services {
    pub flows: Arc<Flows>,
    /// Shown to testers: where the backend is (embedded or configured).
    pub backend_url: String,
}

/// The same services when they are the very same flows (a component's props compare so,
/// and a retried setup is a new one).
impl PartialEq for Services {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.flows, &other.flows)
    }
}

/// Trying the setup again (the keyring was started meanwhile, say).
pub type Retry = Arc<dyn Fn() -> AppSetup + Send + Sync>;

/// Handed to the UI at launch.
#[derive(Clone)]
pub enum AppSetup {
    Ready(Services),
    /// The app cannot work (no secure store, backend failed to start, bad configuration);
    /// the UI shows why instead of pretending, in both languages (no setting can be read
    /// yet), with what to do, the technical detail, and a Retry where one can help.
    Failed {
        message: Msg,
        detail: Option<String>,
        retry: Option<Retry>,
    },
}

impl AppSetup {
    /// A failure: what to tell the person, and the technical detail for whoever helps them.
    pub fn failed(message: Msg, detail: impl std::fmt::Display) -> Self {
        Self::Failed {
            message,
            detail: Some(detail.to_string()),
            retry: None,
        }
    }

    /// The same failure, offering to try `retry` again.
    pub fn with_retry(self, retry: Retry) -> Self {
        match self {
            Self::Failed {
                message, detail, ..
            } => Self::Failed {
                message,
                detail,
                retry: Some(retry),
            },
            ready => ready,
        }
    }

    /// The technical detail of a failure (shown small, for whoever helps the person).
    pub fn detail(&self) -> Option<&str> {
        match self {
            Self::Failed { detail, .. } => detail.as_deref(),
            Self::Ready(_) => None,
        }
    }

    pub fn retry(&self) -> Option<Retry> {
        match self {
            Self::Failed { retry, .. } => retry.clone(),
            Self::Ready(_) => None,
        }
    }

    /// Native builds (desktop, phones): the backend at `base_url` whose CA is `ca_pem`, and
    /// the OS keyring — or the reason the app cannot work.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn connect(
        base_url: &str,
        ca_pem: &[u8],
        keyring: Result<Arc<dyn SecureStore>, SecureStoreError>,
    ) -> Self {
        let store = match keyring {
            Ok(store) => store,
            Err(e) => return Self::keyring_unavailable(&e),
        };
        match ApiClient::new(base_url, ca_pem) {
            Ok(client) => Self::Ready(Services {
                flows: Arc::new(Flows::new(client, store, Arc::new(SystemClock))),
                backend_url: base_url.to_owned(),
            }),
            Err(e) => Self::failed(Msg::new("setup-secure-connection"), e),
        }
    }

    pub fn keyring_unavailable(error: &SecureStoreError) -> Self {
        Self::Failed {
            message: Msg::new("setup-keyring-unavailable"),
            detail: Some(error.to_string()),
            retry: None,
        }
    }

    pub fn failure_message(&self, lang: Lang) -> Option<String> {
        match self {
            Self::Ready(_) => None,
            Self::Failed { message, .. } => Some(message.text(lang)),
        }
    }
}
