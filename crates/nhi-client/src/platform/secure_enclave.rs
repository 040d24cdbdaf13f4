//! Quick sign-in's key on iOS and on a Mac with Touch ID: a P-256 key made in the Secure
//! Enclave, which never leaves it, usable only after Face ID or Touch ID with the fingerprints
//! and faces enrolled now (`biometryCurrentSet`: enrolling another invalidates it), and only
//! on this device. (On a Mac the app must be signed with a keychain access group.)
//!
//! Signing blocks while the system's prompt is up, so it runs on a thread of its own; the
//! prompt's words are the app's `NSFaceIDUsageDescription`.

use security_framework::access_control::{ProtectionMode, SecAccessControl};
use security_framework::item::{ItemSearchOptions, KeyClass, Location, Reference, SearchResult};
use security_framework::key::{Algorithm, GenerateKeyOptions, KeyType, SecKey, Token};
use security_framework_sys::access_control::{
    kSecAccessControlBiometryCurrentSet, kSecAccessControlPrivateKeyUsage,
};

use super::authenticator::{
    off_thread, AuthenticatorError, Availability, DeviceAuthenticator, Pending,
};

/// `errSecUserCanceled` and LocalAuthentication's cancel codes: the person closed the prompt.
const CANCELLED: [isize; 3] = [-128, -2, -4];
/// `errSecItemNotFound`: the key is gone (a new face or fingerprint invalidated it).
const NOT_FOUND: isize = -25300;

pub struct SecureEnclave;

fn find(alias: &str) -> Option<SecKey> {
    let found = ItemSearchOptions::new()
        .key_class(KeyClass::private())
        .label(alias)
        .load_refs(true)
        .search()
        .ok()?;
    found.into_iter().find_map(|item| match item {
        SearchResult::Ref(Reference::Key(key)) => Some(key),
        _ => None,
    })
}

fn failed(error: impl std::fmt::Display) -> AuthenticatorError {
    AuthenticatorError::Failed(error.to_string())
}

impl DeviceAuthenticator for SecureEnclave {
    fn availability(&self) -> Availability {
        Availability::Available
    }

    fn has_key(&self, alias: &str) -> bool {
        find(alias).is_some()
    }

    fn create_key<'a>(&'a self, alias: &'a str) -> Pending<'a, Vec<u8>> {
        Box::pin(async move {
            self.delete_key(alias)?;
            let access = SecAccessControl::create_with_protection(
                Some(ProtectionMode::AccessibleWhenPasscodeSetThisDeviceOnly),
                kSecAccessControlPrivateKeyUsage | kSecAccessControlBiometryCurrentSet,
            )
            .map_err(|_| AuthenticatorError::Unavailable)?;
            let mut options = GenerateKeyOptions::default();
            options
                .set_key_type(KeyType::ec_sec_prime_random())
                .set_size_in_bits(256)
                .set_label(alias)
                .set_token(Token::SecureEnclave)
                .set_location(Location::DataProtectionKeychain)
                .set_access_control(access);
            let key = SecKey::new(&options).map_err(failed)?;
            let public = key
                .public_key()
                .and_then(|p| p.external_representation())
                .ok_or_else(|| failed("no public key"))?;
            Ok(public.to_vec())
        })
    }

    fn sign<'a>(
        &'a self,
        alias: &'a str,
        message: &'a [u8],
        _reason: &'a str,
    ) -> Pending<'a, Vec<u8>> {
        let (alias, message) = (alias.to_owned(), message.to_vec());
        Box::pin(off_thread(move || match find(&alias) {
            None => Err(AuthenticatorError::KeyInvalidated),
            Some(key) => key
                .create_signature(Algorithm::ECDSASignatureMessageX962SHA256, &message)
                .map_err(|e| match e.code() {
                    code if CANCELLED.contains(&code) => AuthenticatorError::Cancelled,
                    NOT_FOUND => AuthenticatorError::KeyInvalidated,
                    _ => failed(e.description()),
                }),
        }))
    }

    fn delete_key(&self, alias: &str) -> Result<(), AuthenticatorError> {
        match ItemSearchOptions::new()
            .key_class(KeyClass::private())
            .label(alias)
            .delete()
        {
            Ok(()) => Ok(()),
            Err(e) if e.code() == NOT_FOUND as i32 => Ok(()),
            Err(e) => Err(failed(e)),
        }
    }
}
