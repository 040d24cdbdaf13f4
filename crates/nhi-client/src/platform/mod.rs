//! What the operating system provides: secure storage for credentials, the authenticator
//! whose hardware key quick sign-in signs with, drafts of
//! unfinished forms, timers and the system's language. (Preparing a photo is `nhi_photo`;
//! in the web build the browser decodes and encodes for it: `browser_image`.)
//! One trait per capability, with an implementation per OS chosen at compile time.

#[cfg(target_os = "android")]
pub mod android_keystore;
pub mod authenticator;
pub mod catalogues;
pub mod drafts;
pub mod passkeys;
#[cfg(any(target_os = "ios", target_os = "macos"))]
pub mod secure_enclave;
pub mod secure_store;
pub mod system_lang;
pub mod time;
#[cfg(windows)]
pub mod windows_hello;

#[cfg(feature = "keyring")]
pub mod keyring_store;

#[cfg(all(feature = "web", target_arch = "wasm32"))]
pub mod browser_image;
#[cfg(all(feature = "web", target_arch = "wasm32"))]
pub mod browser_store;

pub use authenticator::{AuthenticatorError, Availability, DeviceAuthenticator};
pub use secure_store::{SecureStore, SecureStoreError};
