//! What the operating system provides: secure storage for credentials, drafts of
//! unfinished forms, and timers.
//! One trait per capability, with an implementation per OS chosen at compile time.

pub mod drafts;
#[cfg(any(feature = "ui", feature = "backend"))]
pub mod photo_prep;
pub mod secure_store;
#[cfg(feature = "ui")]
pub mod system_lang;
pub mod time;

#[cfg(feature = "keyring")]
pub mod keyring_store;

#[cfg(all(feature = "web", target_arch = "wasm32"))]
pub mod browser_store;

pub use secure_store::{SecureStore, SecureStoreError};
