//! The web build's store: the browser's localStorage. A browser has no OS keyring, so
//! anything with script access to this origin can read these values — a documented
//! weakness of the web build only (README, "Security").

use super::secure_store::{SecureStore, SecureStoreError};
use nhi_core::i18n::Lang;

const PREFIX: &str = "nhi-express:";

pub struct BrowserStore;

impl BrowserStore {
    pub fn open() -> Result<Self, SecureStoreError> {
        storage().map(|_| Self)
    }
}

fn storage() -> Result<web_sys::Storage, SecureStoreError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| SecureStoreError::Unavailable("browser storage is turned off".into()))
}

fn failed(e: wasm_bindgen::JsValue) -> SecureStoreError {
    SecureStoreError::Failed(format!("{e:?}"))
}

impl SecureStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, SecureStoreError> {
        storage()?
            .get_item(&format!("{PREFIX}{key}"))
            .map_err(failed)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SecureStoreError> {
        storage()?
            .set_item(&format!("{PREFIX}{key}"), value)
            .map_err(failed)
    }

    fn delete(&self, key: &str) -> Result<(), SecureStoreError> {
        storage()?
            .remove_item(&format!("{PREFIX}{key}"))
            .map_err(failed)
    }

    fn describe(&self, lang: Lang) -> String {
        lang.t("browser-store-name")
    }
}
