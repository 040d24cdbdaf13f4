//! `nhi-web`: the web build of the app (wasm), served by the backend from the same origin.
//! It has no OS keyring and keeps credentials in browser storage (see README, "Security").

use std::sync::Arc;

use nhi_client::app::{AppSetup, Flows, Services};
use nhi_client::client::ApiClient;
use nhi_client::platform::browser_store::BrowserStore;
use nhi_client::platform::catalogues;
use nhi_client::platform::system_lang::system_lang;
use nhi_core::domain::SystemClock;
use nhi_core::i18n::Msg;
use nhi_ui::{App, SystemLang};

fn main() {
    // The device's language, fetched by the page beside the wasm (web/boot.js).
    catalogues::install_preloaded();
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let setup = match BrowserStore::open() {
        Ok(store) => AppSetup::Ready(Services {
            flows: Arc::new(Flows::new(
                ApiClient::new(&origin),
                Arc::new(store),
                Arc::new(SystemClock),
            )),
            backend_url: origin,
        }),
        Err(e) => AppSetup::failed(Msg::new("setup-browser-storage-off"), e),
    };
    dioxus::LaunchBuilder::web()
        .with_context(setup)
        .with_context(SystemLang(system_lang()))
        .launch(App);
}
