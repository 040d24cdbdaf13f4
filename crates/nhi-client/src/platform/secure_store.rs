//! Where the app keeps its credentials (session token, device key, remembered IDs).
//! Implementations are the OS keyring (desktop, later phones) and, for the web build
//! only, browser storage. There is no plain-file store.

use nhi_core::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecureStoreError {
    /// No secure store can be reached at all (no keyring service running, locked, …).
    #[error("the secure credential store is not available: {0}")]
    Unavailable(String),
    /// The store is there but refused or failed this operation.
    #[error("the secure credential store failed: {0}")]
    Failed(String),
}

pub trait SecureStore: Send + Sync + 'static {
    /// The value under `key`, or `None` when nothing is stored there.
    fn get(&self, key: &str) -> Result<Option<String>, SecureStoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), SecureStoreError>;
    /// Deleting what is not there is not an error.
    fn delete(&self, key: &str) -> Result<(), SecureStoreError>;
    /// A name for people, in their language: "Secret Service", "瀏覽器儲存空間".
    fn describe(&self, lang: Lang) -> String;
}
