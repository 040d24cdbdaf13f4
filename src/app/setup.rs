//! What the UI is started with: working services, or the reason there are none.

use std::sync::Arc;

use super::auth::AuthService;
use crate::domain::Lang;

/// The app's services, shared by every screen.
#[derive(Clone)]
pub struct Services {
    pub auth: Arc<AuthService>,
    /// Shown to testers: where the backend is (embedded or configured).
    pub backend_url: String,
}

/// Handed to the UI at launch.
#[derive(Clone)]
pub enum AppSetup {
    Ready(Services),
    /// The app cannot work (no secure store, backend failed to start, bad configuration);
    /// the UI shows why instead of pretending.
    Failed {
        zh_tw: String,
        en: String,
    },
}

impl AppSetup {
    pub fn failed(zh_tw: impl Into<String>, en: impl Into<String>) -> Self {
        Self::Failed {
            zh_tw: zh_tw.into(),
            en: en.into(),
        }
    }

    pub fn failure_message(&self, lang: Lang) -> Option<&str> {
        match self {
            Self::Ready(_) => None,
            Self::Failed { zh_tw, en } => Some(lang.pick(zh_tw, en)),
        }
    }
}
