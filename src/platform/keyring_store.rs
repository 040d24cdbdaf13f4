//! The OS keyring through `keyring` 4: the Secret Service on Linux desktops, the Keychain
//! on macOS, the Credential Manager on Windows.

use keyring::Entry;

use super::secure_store::{SecureStore, SecureStoreError};

/// The service name every entry of this app is filed under.
const SERVICE: &str = "NHI Express";
/// Read once at start-up to find out whether the keyring answers at all.
const PROBE_KEY: &str = "availability-probe";

pub struct KeyringStore {
    service: String,
}

impl KeyringStore {
    /// Connects to the OS keyring, failing clearly when none answers; the app then says
    /// so instead of keeping credentials anywhere less safe.
    pub fn open() -> Result<Self, SecureStoreError> {
        Self::open_service(SERVICE)
    }

    /// A store under another service name, so tests never touch the app's own entries.
    pub fn open_service(service: &str) -> Result<Self, SecureStoreError> {
        let store = Self {
            service: service.to_owned(),
        };
        store.get(PROBE_KEY).map_err(|e| match e {
            SecureStoreError::Failed(why) | SecureStoreError::Unavailable(why) => {
                SecureStoreError::Unavailable(why)
            }
        })?;
        Ok(store)
    }

    fn entry(&self, key: &str) -> Result<Entry, SecureStoreError> {
        Entry::new(&self.service, key).map_err(unavailable_or_failed)
    }
}

fn unavailable_or_failed(error: keyring::Error) -> SecureStoreError {
    match error {
        keyring::Error::NoStorageAccess(_)
        | keyring::Error::PlatformFailure(_)
        | keyring::Error::NoDefaultStore => SecureStoreError::Unavailable(error.to_string()),
        other => SecureStoreError::Failed(other.to_string()),
    }
}

impl SecureStore for KeyringStore {
    fn get(&self, key: &str) -> Result<Option<String>, SecureStoreError> {
        match self.entry(key)?.get_password() {
            Ok(value) => Ok(Some(value)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(unavailable_or_failed(e)),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SecureStoreError> {
        self.entry(key)?
            .set_password(value)
            .map_err(unavailable_or_failed)
    }

    fn delete(&self, key: &str) -> Result<(), SecureStoreError> {
        match self.entry(key)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(unavailable_or_failed(e)),
        }
    }

    fn describe(&self) -> &'static str {
        if cfg!(target_os = "macos") {
            "macOS Keychain"
        } else if cfg!(target_os = "windows") {
            "Windows Credential Manager"
        } else {
            "Secret Service"
        }
    }
}
