//! What the UI is started with: working services, or the reason there are none.

use std::sync::Arc;

use super::auth::Flows;
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
    pub flows: Arc<Flows>,
    /// Shown to testers: where the backend is (embedded or configured).
    pub backend_url: String,
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
        zh_tw: String,
        en: String,
        detail: Option<String>,
        retry: Option<Retry>,
    },
}

impl AppSetup {
    pub fn failed(zh_tw: impl Into<String>, en: impl Into<String>) -> Self {
        Self::Failed {
            zh_tw: zh_tw.into(),
            en: en.into(),
            detail: None,
            retry: None,
        }
    }

    /// The same failure, offering to try `retry` again.
    pub fn with_retry(self, retry: Retry) -> Self {
        match self {
            Self::Failed {
                zh_tw, en, detail, ..
            } => Self::Failed {
                zh_tw,
                en,
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
            Err(e) => Self::failed(
                format!("無法建立安全連線設定：{e}"),
                format!("Cannot set up the secure connection: {e}"),
            ),
        }
    }

    pub fn keyring_unavailable(error: &SecureStoreError) -> Self {
        Self::Failed {
            zh_tw: "找不到系統的安全憑證儲存區（鑰匙圈）。為保護您的登入資料，App 不會以其他方式保存。\
                    請啟動並解鎖系統鑰匙圈後按「重試」：Linux 請安裝並執行 GNOME Keyring \
                    （sudo apt install gnome-keyring，登入桌面時會自動啟動）或 KeePassXC 的 Secret Service；\
                    macOS 與 Windows 內建鑰匙圈，請確認已登入使用者帳號。"
                .into(),
            en: "The system keyring cannot be reached. To protect your sign-in, the app keeps \
                 credentials nowhere else. Start and unlock the keyring, then press Retry: on Linux \
                 install and run GNOME Keyring (sudo apt install gnome-keyring; it starts with the \
                 desktop session) or KeePassXC's Secret Service; macOS and Windows have one built \
                 in — make sure you are signed in to your user account."
                .into(),
            detail: Some(error.to_string()),
            retry: None,
        }
    }

    pub fn failure_message(&self, lang: Lang) -> Option<&str> {
        match self {
            Self::Ready(_) => None,
            Self::Failed { zh_tw, en, .. } => Some(lang.pick(zh_tw, en)),
        }
    }
}
