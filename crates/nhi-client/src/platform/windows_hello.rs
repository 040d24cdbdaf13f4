//! Quick sign-in's key on Windows: a Windows Hello key (`KeyCredentialManager`), made and
//! kept by Windows — in the TPM where the PC has one — for this app and this user, which
//! signs only after Windows Hello has verified the user (face, fingerprint or the Hello PIN).
//! Windows Hello makes only RSA 2048 keys: the public half goes to the backend as a DER
//! SubjectPublicKeyInfo, signatures are RSASSA-PKCS1-v1_5 over SHA-256, and the backend
//! checks those (`device_signature`) as it checks the phones' P-256 ones.
//!
//! Every call waits on Windows (the prompt above all), so each runs on a thread of its own.
//! Windows draws its own prompt and words; the app's reason is not shown.

use windows::core::HSTRING;
use windows::Security::Credentials::{
    KeyCredential, KeyCredentialCreationOption, KeyCredentialManager, KeyCredentialStatus,
};
use windows::Security::Cryptography::Core::CryptographicPublicKeyBlobType;
use windows::Security::Cryptography::CryptographicBuffer;
use windows::Storage::Streams::IBuffer;

use super::authenticator::{
    off_thread, AuthenticatorError, Availability, DeviceAuthenticator, Pending,
};

pub struct WindowsHello;

fn failed(error: impl std::fmt::Display) -> AuthenticatorError {
    AuthenticatorError::Failed(error.to_string())
}

/// What a Windows Hello status means for the app.
fn refusal(status: KeyCredentialStatus) -> AuthenticatorError {
    match status {
        KeyCredentialStatus::UserCanceled | KeyCredentialStatus::UserPrefersPassword => {
            AuthenticatorError::Cancelled
        }
        KeyCredentialStatus::NotFound | KeyCredentialStatus::SecurityDeviceLocked => {
            AuthenticatorError::KeyInvalidated
        }
        other => failed(format!("Windows Hello answered {}", other.0)),
    }
}

fn bytes_of(buffer: &IBuffer) -> Result<Vec<u8>, AuthenticatorError> {
    let mut bytes = windows::core::Array::<u8>::new();
    CryptographicBuffer::CopyToByteArray(buffer, &mut bytes).map_err(failed)?;
    Ok(bytes.to_vec())
}

/// The key under `alias`, opened without a prompt.
fn open(alias: &str) -> Result<KeyCredential, AuthenticatorError> {
    let opened = KeyCredentialManager::OpenAsync(&HSTRING::from(alias))
        .and_then(|o| o.get())
        .map_err(failed)?;
    match opened.Status().map_err(failed)? {
        KeyCredentialStatus::Success => opened.Credential().map_err(failed),
        other => Err(refusal(other)),
    }
}

impl DeviceAuthenticator for WindowsHello {
    fn availability(&self) -> Availability {
        // False when Windows Hello is not set up (no PIN, face or fingerprint) for this user.
        match KeyCredentialManager::IsSupportedAsync().and_then(|s| s.get()) {
            Ok(true) => Availability::Available,
            _ => Availability::NothingEnrolled,
        }
    }

    fn has_key(&self, alias: &str) -> bool {
        open(alias).is_ok()
    }

    fn create_key<'a>(&'a self, alias: &'a str) -> Pending<'a, Vec<u8>> {
        let alias = HSTRING::from(alias);
        Box::pin(off_thread(move || {
            let made = KeyCredentialManager::RequestCreateAsync(
                &alias,
                KeyCredentialCreationOption::ReplaceExisting,
            )
            .and_then(|r| r.get())
            .map_err(failed)?;
            match made.Status().map_err(failed)? {
                KeyCredentialStatus::Success => {}
                other => return Err(refusal(other)),
            }
            let public = made
                .Credential()
                .and_then(|key| {
                    key.RetrievePublicKeyWithBlobType(
                        CryptographicPublicKeyBlobType::X509SubjectPublicKeyInfo,
                    )
                })
                .map_err(failed)?;
            bytes_of(&public)
        }))
    }

    fn sign<'a>(
        &'a self,
        alias: &'a str,
        message: &'a [u8],
        _reason: &'a str,
    ) -> Pending<'a, Vec<u8>> {
        let (alias, message) = (alias.to_owned(), message.to_vec());
        Box::pin(off_thread(move || {
            let key = open(&alias)?;
            let data = CryptographicBuffer::CreateFromByteArray(&message).map_err(failed)?;
            let signed = key
                .RequestSignAsync(&data)
                .and_then(|r| r.get())
                .map_err(failed)?;
            match signed.Status().map_err(failed)? {
                KeyCredentialStatus::Success => bytes_of(&signed.Result().map_err(failed)?),
                other => Err(refusal(other)),
            }
        }))
    }

    fn delete_key(&self, alias: &str) -> Result<(), AuthenticatorError> {
        if open(alias).is_err() {
            return Ok(());
        }
        KeyCredentialManager::DeleteAsync(&HSTRING::from(alias))
            .and_then(|d| d.get())
            .map_err(failed)
    }
}
