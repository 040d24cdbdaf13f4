//! What the UI is started with: working services, or the reason there are none.

use std::sync::Arc;

use super::auth::AuthService;
#[cfg(not(target_arch = "wasm32"))]
use crate::client::ApiClient;
use crate::domain::Lang;
#[cfg(not(target_arch = "wasm32"))]
use crate::domain::SystemClock;
#[cfg(not(target_arch = "wasm32"))]
use crate::platform::SecureStore;
use crate::platform::SecureStoreError;

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
                auth: Arc::new(AuthService::new(client, store, Arc::new(SystemClock))),
                backend_url: base_url.to_owned(),
            }),
            Err(e) => Self::failed(
                format!("無法建立安全連線設定：{e}"),
                format!("Cannot set up the secure connection: {e}"),
            ),
        }
    }

    pub fn keyring_unavailable(error: &SecureStoreError) -> Self {
        Self::failed(
            format!("找不到系統的安全憑證儲存區（鑰匙圈），為保護您的登入資料，App 不會以其他方式保存。請啟動並解鎖系統鑰匙圈（例如 GNOME Keyring）後再開啟。\n{error}"),
            format!("The system keyring cannot be reached. To protect your sign-in, the app keeps credentials nowhere else. Start and unlock the system keyring (for example GNOME Keyring), then open the app again.\n{error}"),
        )
    }

    pub fn failure_message(&self, lang: Lang) -> Option<&str> {
        match self {
            Self::Ready(_) => None,
            Self::Failed { zh_tw, en } => Some(lang.pick(zh_tw, en)),
        }
    }
}
