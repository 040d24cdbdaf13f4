//! A software stand-in for the phone's secure hardware: P-256 keys in memory that sign
//! without a prompt, unless told to answer the prompt as a person could (cancel, or a key
//! invalidated by a new fingerprint). What the tests of quick sign-in run on; the phones'
//! keys never leave their hardware.

use std::collections::HashMap;
use std::sync::Mutex;

use nhi_client::platform::authenticator::Pending;
use nhi_client::platform::{AuthenticatorError, Availability, DeviceAuthenticator};
use ring::rand::SystemRandom;
use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_ASN1_SIGNING};

/// How the next prompt is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Prompt {
    #[default]
    Verified,
    Cancelled,
    KeyInvalidated,
}

#[derive(Default)]
pub struct SoftwareAuthenticator {
    keys: Mutex<HashMap<String, Vec<u8>>>,
    prompt: Mutex<Prompt>,
    /// The reasons the prompts showed, in order.
    pub reasons: Mutex<Vec<String>>,
}

impl SoftwareAuthenticator {
    pub fn answer_prompts(&self, prompt: Prompt) {
        *self.prompt.lock().unwrap() = prompt;
    }
}

/// A new P-256 key: its PKCS#8 and its public half (uncompressed SEC1).
pub fn new_key() -> (Vec<u8>, Vec<u8>) {
    let rng = SystemRandom::new();
    let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &rng).unwrap();
    let pair =
        EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8.as_ref(), &rng).unwrap();
    (pkcs8.as_ref().to_vec(), pair.public_key().as_ref().to_vec())
}

/// The key's signature over `message` (ECDSA P-256, SHA-256, DER).
pub fn sign(pkcs8: &[u8], message: &[u8]) -> Vec<u8> {
    let rng = SystemRandom::new();
    let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8, &rng).unwrap();
    pair.sign(&rng, message).unwrap().as_ref().to_vec()
}

impl DeviceAuthenticator for SoftwareAuthenticator {
    fn availability(&self) -> Availability {
        Availability::Available
    }

    fn has_key(&self, alias: &str) -> bool {
        self.keys.lock().unwrap().contains_key(alias)
    }

    fn create_key<'a>(&'a self, alias: &'a str) -> Pending<'a, Vec<u8>> {
        Box::pin(async move {
            let (pkcs8, public) = new_key();
            self.keys.lock().unwrap().insert(alias.to_owned(), pkcs8);
            Ok(public)
        })
    }

    fn sign<'a>(
        &'a self,
        alias: &'a str,
        message: &'a [u8],
        reason: &'a str,
    ) -> Pending<'a, Vec<u8>> {
        Box::pin(async move {
            self.reasons.lock().unwrap().push(reason.to_owned());
            match *self.prompt.lock().unwrap() {
                Prompt::Verified => {}
                Prompt::Cancelled => return Err(AuthenticatorError::Cancelled),
                Prompt::KeyInvalidated => return Err(AuthenticatorError::KeyInvalidated),
            }
            let pkcs8 = self.keys.lock().unwrap().get(alias).cloned();
            let pkcs8 = pkcs8.ok_or(AuthenticatorError::KeyInvalidated)?;
            Ok(sign(&pkcs8, message))
        })
    }

    fn delete_key(&self, alias: &str) -> Result<(), AuthenticatorError> {
        self.keys.lock().unwrap().remove(alias);
        Ok(())
    }
}
