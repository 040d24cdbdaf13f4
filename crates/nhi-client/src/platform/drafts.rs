//! Unfinished forms, kept so a reload (or leaving a wizard and coming back) does not lose
//! what was typed: on the web in the tab's `sessionStorage` (gone with the tab, never
//! shared with another tab), elsewhere in memory for as long as the app runs.
//!
//! Only what may sit in plain storage goes here: never a password, a code, a token or a
//! photo. Everything is forgotten when someone signs out.

use serde::de::DeserializeOwned;
use serde::Serialize;

const PREFIX: &str = "nhi-express-draft:";

/// What was kept under `key`, if it is still readable.
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&backing::get(&format!("{PREFIX}{key}"))?).ok()
}

pub fn save<T: Serialize>(key: &str, value: &T) {
    if let Ok(text) = serde_json::to_string(value) {
        backing::set(&format!("{PREFIX}{key}"), &text);
    }
}

pub fn clear(key: &str) {
    backing::remove(&format!("{PREFIX}{key}"));
}

/// Forgets every draft (signing out: the next person on a shared phone sees none).
pub fn clear_all() {
    backing::remove_prefixed(PREFIX);
}

#[cfg(all(feature = "web", target_arch = "wasm32"))]
mod backing {
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok().flatten()
    }

    pub fn get(key: &str) -> Option<String> {
        storage()?.get_item(key).ok().flatten()
    }

    pub fn set(key: &str, value: &str) {
        // A full or disabled storage only means the draft is not kept.
        if let Some(s) = storage() {
            let _ = s.set_item(key, value);
        }
    }

    pub fn remove(key: &str) {
        if let Some(s) = storage() {
            let _ = s.remove_item(key);
        }
    }

    pub fn remove_prefixed(prefix: &str) {
        let Some(s) = storage() else { return };
        let keys: Vec<String> = (0..s.length().unwrap_or(0))
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect();
        for key in keys {
            let _ = s.remove_item(&key);
        }
    }
}

#[cfg(not(all(feature = "web", target_arch = "wasm32")))]
mod backing {
    use std::collections::HashMap;
    use std::sync::{Mutex, PoisonError};

    static DRAFTS: Mutex<Option<HashMap<String, String>>> = Mutex::new(None);

    fn with<R>(f: impl FnOnce(&mut HashMap<String, String>) -> R) -> R {
        let mut guard = DRAFTS.lock().unwrap_or_else(PoisonError::into_inner);
        f(guard.get_or_insert_with(HashMap::new))
    }

    pub fn get(key: &str) -> Option<String> {
        with(|m| m.get(key).cloned())
    }

    pub fn set(key: &str, value: &str) {
        with(|m| m.insert(key.to_owned(), value.to_owned()));
    }

    pub fn remove(key: &str) {
        with(|m| m.remove(key));
    }

    pub fn remove_prefixed(prefix: &str) {
        with(|m| m.retain(|k, _| !k.starts_with(prefix)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_kept_until_cleared() {
        save("test-draft", &("0912345678", "a@b.tw"));
        assert_eq!(
            load::<(String, String)>("test-draft"),
            Some(("0912345678".into(), "a@b.tw".into()))
        );
        clear("test-draft");
        assert_eq!(load::<(String, String)>("test-draft"), None);
    }
}
