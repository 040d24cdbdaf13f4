//! The device's authenticator for quick sign-in (生物辨識輔助登入): a P-256 key per ID held
//! where the app cannot read it (Android's Keystore, Apple's Secure Enclave), which signs
//! only after the OS has verified the user. A yes/no biometric answer could be hooked; a key
//! that the biometric unlocks cannot be used without it (OWASP MASTG-TEST-0327).
//!
//! One trait, an implementation per OS chosen at compile time ([`for_this_os`]); the
//! component tests plug in a software authenticator.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// What an authenticator's asynchronous steps return (they wait for the OS prompt).
pub type Pending<'a, T> = Pin<Box<dyn Future<Output = Result<T, AuthenticatorError>> + Send + 'a>>;

/// Whether quick sign-in can be offered on this device, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    Available,
    /// The OS has no user-verification prompt the app can reach with a hardware key (the
    /// Linux desktop): the option is not shown, with one line saying why.
    NoPromptOnThisSystem,
    /// The device could, but no fingerprint or face is set up in its settings.
    NothingEnrolled,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthenticatorError {
    /// The person closed the prompt or chose the password instead.
    #[error("the verification was cancelled")]
    Cancelled,
    /// The key is gone or no longer usable: a new fingerprint or face was enrolled, or the
    /// app's data was cleared. Turn quick sign-in on again after a password login.
    #[error("the key is no longer usable")]
    KeyInvalidated,
    /// Quick sign-in is not available here (see [`Availability`]).
    #[error("quick sign-in is not available on this device")]
    Unavailable,
    #[error("the device's secure hardware failed: {0}")]
    Failed(String),
}

pub trait DeviceAuthenticator: Send + Sync + 'static {
    fn availability(&self) -> Availability;
    /// Whether this device holds a key under `alias`.
    fn has_key(&self, alias: &str) -> bool;
    /// Makes a new key under `alias` (replacing one there) that signs only after user
    /// verification; its public half as an uncompressed SEC1 P-256 point (or, from Windows
    /// Hello, which makes only RSA 2048 keys, a DER SubjectPublicKeyInfo).
    fn create_key<'a>(&'a self, alias: &'a str) -> Pending<'a, Vec<u8>>;
    /// Shows the OS prompt with `reason`, and once the user is verified signs `message`
    /// (ECDSA P-256 over SHA-256, DER; Windows Hello: RSASSA-PKCS1-v1_5 over SHA-256).
    fn sign<'a>(
        &'a self,
        alias: &'a str,
        message: &'a [u8],
        reason: &'a str,
    ) -> Pending<'a, Vec<u8>>;
    /// Removing a key that is not there is not an error.
    fn delete_key(&self, alias: &str) -> Result<(), AuthenticatorError>;
}

/// This OS's authenticator: the Keystore on Android, the Secure Enclave on iOS and on a Mac
/// (Touch ID), Windows Hello on Windows. The Linux desktop (the testers' build) has no prompt
/// that unlocks a hardware key, and says so; the web build signs in with passkeys instead.
pub fn for_this_os() -> Arc<dyn DeviceAuthenticator> {
    #[cfg(target_os = "android")]
    {
        Arc::new(super::android_keystore::AndroidKeystore)
    }
    #[cfg(any(target_os = "ios", target_os = "macos"))]
    {
        Arc::new(super::secure_enclave::SecureEnclave)
    }
    #[cfg(windows)]
    {
        Arc::new(super::windows_hello::WindowsHello)
    }
    #[cfg(not(any(target_os = "android", target_os = "ios", target_os = "macos", windows)))]
    {
        Arc::new(NotOnThisSystem)
    }
}

/// Runs `work` — a call that blocks while the OS prompt is up — on a thread of its own, and
/// waits for it without blocking the caller's.
#[cfg(any(target_os = "ios", target_os = "macos", windows))]
pub(super) async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, AuthenticatorError> + Send + 'static,
) -> Result<T, AuthenticatorError> {
    let (done, answer) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let _ = done.send(work());
    });
    answer
        .await
        .map_err(|e| AuthenticatorError::Failed(e.to_string()))?
}

/// Where quick sign-in cannot be offered.
pub struct NotOnThisSystem;

impl DeviceAuthenticator for NotOnThisSystem {
    fn availability(&self) -> Availability {
        Availability::NoPromptOnThisSystem
    }

    fn has_key(&self, _: &str) -> bool {
        false
    }

    fn create_key<'a>(&'a self, _: &'a str) -> Pending<'a, Vec<u8>> {
        Box::pin(async { Err(AuthenticatorError::Unavailable) })
    }

    fn sign<'a>(&'a self, _: &'a str, _: &'a [u8], _: &'a str) -> Pending<'a, Vec<u8>> {
        Box::pin(async { Err(AuthenticatorError::Unavailable) })
    }

    fn delete_key(&self, _: &str) -> Result<(), AuthenticatorError> {
        Ok(())
    }
}
