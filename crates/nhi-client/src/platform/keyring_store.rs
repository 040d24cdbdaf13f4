//! The OS keyring: through `keyring` 4 on desktops (the Secret Service on Linux, the Keychain
//! on macOS, the Credential Manager on Windows), and through keyring-core with the phone's own
//! store on Android (Keystore-encrypted shared preferences) and iOS (Keychain items kept on
//! this device only).

#[cfg(not(any(target_os = "android", target_os = "ios")))]
use keyring::{Entry, Error};
#[cfg(any(target_os = "android", target_os = "ios"))]
use keyring_core::{Entry, Error};

use super::secure_store::{SecureStore, SecureStoreError};
use nhi_core::i18n::Lang;

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
        default_store::install().map_err(|e| SecureStoreError::Unavailable(e.to_string()))?;
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

/// On phones keyring-core has no default store until the app sets one; this must run
/// after the platform has initialised the Android context (that is, after launch).
#[cfg(any(target_os = "android", target_os = "ios"))]
mod default_store {
    use std::sync::Mutex;

    static INSTALLED: Mutex<bool> = Mutex::new(false);

    pub fn install() -> Result<(), keyring_core::Error> {
        let mut installed = INSTALLED.lock().unwrap_or_else(|e| e.into_inner());
        if !*installed {
            #[cfg(target_os = "android")]
            let store = android_native_keyring_store::Store::new()?;
            #[cfg(target_os = "ios")]
            let store = apple_native_keyring_store::protected::Store::new()?;
            keyring_core::set_default_store(store);
            *installed = true;
        }
        Ok(())
    }
}

/// Desktops: `keyring::Entry` chooses and installs the platform store by itself.
#[cfg(not(any(target_os = "android", target_os = "ios")))]
mod default_store {
    pub fn install() -> Result<(), keyring::Error> {
        Ok(())
    }
}

fn unavailable_or_failed(error: Error) -> SecureStoreError {
    match error {
        Error::NoStorageAccess(_) | Error::PlatformFailure(_) | Error::NoDefaultStore => {
            SecureStoreError::Unavailable(error.to_string())
        }
        other => SecureStoreError::Failed(other.to_string()),
    }
}

impl SecureStore for KeyringStore {
    fn get(&self, key: &str) -> Result<Option<String>, SecureStoreError> {
        match self.entry(key)?.get_password() {
            Ok(value) => Ok(Some(value)),
            Err(Error::NoEntry) => Ok(None),
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
            Ok(()) | Err(Error::NoEntry) => Ok(()),
            Err(e) => Err(unavailable_or_failed(e)),
        }
    }

    fn describe(&self, lang: Lang) -> String {
        if cfg!(target_os = "android") {
            lang.t("keyring-store-android-keystore")
        } else if cfg!(any(target_os = "ios", target_os = "macos")) {
            lang.t("keyring-store-keychain")
        } else if cfg!(target_os = "windows") {
            lang.t("keyring-store-windows-credential-manager")
        } else {
            lang.t("keyring-store-secret-service")
        }
    }
}
