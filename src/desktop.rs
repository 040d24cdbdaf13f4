//! Composing the desktop (tester) build: the OS keyring, and the backend either configured
//! (`NHI_BACKEND_URL` + `NHI_BACKEND_CA`) or started in-process on loopback with demo data.

use std::path::PathBuf;
use std::sync::Arc;

use nhi_backend::{RunningBackend, Settings};
use nhi_client::app::AppSetup;
use nhi_client::platform::keyring_store::KeyringStore;
use nhi_client::platform::SecureStore;
use nhi_core::domain::SystemClock;
use nhi_core::i18n::Msg;

/// Environment variables of the desktop build.
pub const BACKEND_URL_VAR: &str = "NHI_BACKEND_URL";
pub const BACKEND_CA_VAR: &str = "NHI_BACKEND_CA";
pub const DATA_DIR_VAR: &str = "NHI_DATA_DIR";

/// The setup for the UI, and the in-process backend to keep running while the window is open.
pub struct DesktopSetup {
    pub setup: AppSetup,
    pub embedded_backend: Option<RunningBackend>,
}

/// Must run inside the Tokio runtime that will keep serving the embedded backend.
pub async fn prepare() -> DesktopSetup {
    let found = match configured_backend() {
        Some(configured) => configured.map(|(url, ca)| (url, ca, None)),
        None => start_embedded().await,
    };
    match found {
        Ok((url, ca, embedded_backend)) => DesktopSetup {
            setup: with_keyring(url, ca),
            embedded_backend,
        },
        Err(setup) => DesktopSetup {
            setup,
            embedded_backend: None,
        },
    }
}

/// The app with the OS keyring; without one, the explanation and a Retry that looks for the
/// keyring again (the backend keeps running meanwhile).
fn with_keyring(url: String, ca: Vec<u8>) -> AppSetup {
    let keyring = KeyringStore::open().map(|s| Arc::new(s) as Arc<dyn SecureStore>);
    let setup = AppSetup::connect(&url, &ca, keyring);
    if matches!(setup, AppSetup::Ready(_)) {
        return setup;
    }
    setup.with_retry(Arc::new(move || with_keyring(url.clone(), ca.clone())))
}

type Found = (String, Vec<u8>, Option<RunningBackend>);

fn configured_backend() -> Option<Result<(String, Vec<u8>), AppSetup>> {
    let url = std::env::var(BACKEND_URL_VAR).ok()?;
    let Ok(ca_path) = std::env::var(BACKEND_CA_VAR) else {
        return Some(Err(AppSetup::failed(
            Msg::new("setup-ca-not-named")
                .with("url_var", BACKEND_URL_VAR)
                .with("ca_var", BACKEND_CA_VAR),
            format!("{BACKEND_CA_VAR} is not set"),
        )));
    };
    Some(match std::fs::read(&ca_path) {
        Ok(ca) => Ok((url, ca)),
        Err(e) => Err(AppSetup::failed(
            Msg::new("setup-ca-unreadable").with("path", ca_path.as_str()),
            e,
        )),
    })
}

async fn start_embedded() -> Result<Found, AppSetup> {
    let data_dir = std::env::var_os(DATA_DIR_VAR)
        .map(PathBuf::from)
        .or_else(|| dirs::data_local_dir().map(|d| d.join("nhi-express").join("backend")))
        .unwrap_or_else(|| PathBuf::from("nhi-data"));
    let failed =
        |e: &dyn std::fmt::Display| AppSetup::failed(Msg::new("setup-embedded-backend-failed"), e);
    let backend = RunningBackend::start(Settings::local(&data_dir), Arc::new(SystemClock))
        .await
        .map_err(|e| failed(&e))?;
    let ca = std::fs::read(backend.ca_path()).map_err(|e| failed(&e))?;
    tracing::info!(url = %backend.base_url(), data = %data_dir.display(), "embedded backend running");
    Ok((backend.base_url(), ca, Some(backend)))
}
