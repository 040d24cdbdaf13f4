//! `nhi-mobile`: the phone build (Android, iOS) in the system webview.
//!
//! A phone cannot start a backend, so its address is fixed when the app is built:
//! `NHI_BACKEND_URL` (https://…) and `NHI_BACKEND_CA` (absolute path of the backend's
//! `ca.pem`, compiled in as the only trusted root). Building without them fails here.

use std::sync::Arc;

use dioxus::prelude::*;
use nhi_client::app::AppSetup;
use nhi_client::platform::keyring_store::KeyringStore;
use nhi_client::platform::system_lang::system_lang;
use nhi_client::platform::SecureStore;
use nhi_ui::{App, SystemLang};

const BACKEND_URL: &str = env!(
    "NHI_BACKEND_URL",
    "phone builds cannot start a backend: set NHI_BACKEND_URL=https://host:port when building"
);
const BACKEND_CA: &[u8] = include_bytes!(env!(
    "NHI_BACKEND_CA",
    "phone builds trust only the backend's CA: set NHI_BACKEND_CA to the absolute path of its ca.pem"
));

fn main() {
    dioxus::LaunchBuilder::mobile().launch(Root);
}

/// Opens the keystore only once the app runs: on Android the store needs the application
/// context, which the platform sets up at launch.
#[component]
fn Root() -> Element {
    use_context_provider(|| {
        let keyring = KeyringStore::open().map(|s| Arc::new(s) as Arc<dyn SecureStore>);
        AppSetup::connect(BACKEND_URL, BACKEND_CA, keyring)
    });
    use_context_provider(|| SystemLang(system_lang()));
    rsx! { App {} }
}
