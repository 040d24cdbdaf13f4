//! The typed records the app keeps in the secure store, and their keys.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::platform::{SecureStore, SecureStoreError};
use nhi_core::domain::IdNumber;

/// The current session (token, expiry, who).
pub const SESSION_KEY: &str = "session";
/// The IDs the person asked the app to remember ("remember me"), newest first.
pub const REMEMBERED_KEY: &str = "remembered-accounts";
/// The language chosen on this device (a setting, kept beside the credentials so each
/// device has its own and nothing lands in plain files).
pub const LANG_KEY: &str = "language";

/// An account offered on the login screen of this device (a family phone may have several).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RememberedAccount {
    pub id_number: IdNumber,
    pub name: String,
}

pub fn load<T: DeserializeOwned>(
    store: &dyn SecureStore,
    key: &str,
) -> Result<Option<T>, SecureStoreError> {
    let Some(text) = store.get(key)? else {
        return Ok(None);
    };
    match serde_json::from_str(&text) {
        Ok(value) => Ok(Some(value)),
        // Written by another version and no longer readable: forget it rather than fail
        // every start.
        Err(_) => store.delete(key).map(|()| None),
    }
}

pub fn save<T: Serialize>(
    store: &dyn SecureStore,
    key: &str,
    value: &T,
) -> Result<(), SecureStoreError> {
    let text = serde_json::to_string(value).map_err(|e| SecureStoreError::Failed(e.to_string()))?;
    store.set(key, &text)
}
