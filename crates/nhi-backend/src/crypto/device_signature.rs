//! Checking a quick sign-in signature: ECDSA over P-256 with SHA-256, the key an
//! uncompressed SEC1 point, the signature DER — what Android's Keystore and Apple's Secure
//! Enclave both produce. (`ring`, the backend's one crypto library, checks it in constant
//! time and refuses a key that is not a point on the curve.)

use ring::signature::{UnparsedPublicKey, ECDSA_P256_SHA256_ASN1};

use nhi_core::domain::quick_sign_in::{MAX_SIGNATURE_BYTES, PUBLIC_KEY_BYTES};

/// Whether `signature` is the key's over `message`. Anything malformed is simply `false`.
pub fn verifies(public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    public_key.len() == PUBLIC_KEY_BYTES
        && public_key.first() == Some(&0x04)
        && signature.len() <= MAX_SIGNATURE_BYTES
        && UnparsedPublicKey::new(&ECDSA_P256_SHA256_ASN1, public_key)
            .verify(message, signature)
            .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ring::rand::SystemRandom;
    use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_ASN1_SIGNING};

    fn key_pair() -> EcdsaKeyPair {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &rng).unwrap();
        EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8.as_ref(), &rng).unwrap()
    }

    #[test]
    fn a_signature_verifies_only_for_its_key_and_message() {
        let rng = SystemRandom::new();
        let (mine, other) = (key_pair(), key_pair());
        let signature = mine.sign(&rng, b"message").unwrap();
        let public = mine.public_key().as_ref();
        assert!(verifies(public, b"message", signature.as_ref()));
        assert!(!verifies(public, b"messagf", signature.as_ref()));
        assert!(!verifies(
            other.public_key().as_ref(),
            b"message",
            signature.as_ref()
        ));
        assert!(!verifies(&public[..64], b"message", signature.as_ref()));
        assert!(!verifies(public, b"message", &[0x30, 0x00]));
        assert!(!verifies(&[0x04; 65], b"message", signature.as_ref()));
    }
}
