//! Checking a quick sign-in signature. Two kinds of key, each in exactly one form:
//! - ECDSA over P-256 with SHA-256, the key an uncompressed SEC1 point, the signature DER —
//!   what Android's Keystore and Apple's Secure Enclave produce;
//! - RSASSA-PKCS1-v1_5 with SHA-256, the key RSA 2048 as a DER SubjectPublicKeyInfo — what
//!   Windows Hello produces (its `KeyCredentialManager` makes only RSA 2048 keys).
//!
//! (`ring`, the backend's one crypto library, checks both, refuses a point not on the curve,
//! and takes RSA moduli of 2048 bits or more only.)

use ring::signature::{UnparsedPublicKey, ECDSA_P256_SHA256_ASN1, RSA_PKCS1_2048_8192_SHA256};

use nhi_core::domain::quick_sign_in::{
    MAX_SIGNATURE_BYTES, P256_PUBLIC_KEY_BYTES, RSA_PUBLIC_KEY_BYTES,
};

/// The DER header of an RSA 2048 SubjectPublicKeyInfo: a SEQUENCE of 290 bytes holding the
/// rsaEncryption algorithm (its OID, NULL parameters) and a BIT STRING of 271 bytes (no
/// unused bits) — the RSAPublicKey (modulus, exponent) that follows it.
const RSA_2048_SPKI_HEADER: [u8; 24] = [
    0x30, 0x82, 0x01, 0x22, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01,
    0x01, 0x05, 0x00, 0x03, 0x82, 0x01, 0x0f, 0x00,
];

/// Whether `signature` is the key's over `message`. Anything malformed is simply `false`.
pub fn verifies(public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    if signature.len() > MAX_SIGNATURE_BYTES {
        return false;
    }
    if public_key.len() == P256_PUBLIC_KEY_BYTES && public_key.first() == Some(&0x04) {
        return UnparsedPublicKey::new(&ECDSA_P256_SHA256_ASN1, public_key)
            .verify(message, signature)
            .is_ok();
    }
    match public_key.strip_prefix(&RSA_2048_SPKI_HEADER) {
        Some(rsa_public_key) if public_key.len() == RSA_PUBLIC_KEY_BYTES => {
            UnparsedPublicKey::new(&RSA_PKCS1_2048_8192_SHA256, rsa_public_key)
                .verify(message, signature)
                .is_ok()
        }
        _ => false,
    }
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

    /// Windows Hello's RSA 2048 key (a test key made by openssl, kept with the tests).
    const HELLO_PKCS8: &[u8] =
        include_bytes!("../../../../tests/support/keys/windows-hello-test-rsa2048.pk8");
    const HELLO_PUBLIC: &[u8] =
        include_bytes!("../../../../tests/support/keys/windows-hello-test-rsa2048.spki");

    fn hello_sign(message: &[u8]) -> Vec<u8> {
        let key = ring::signature::RsaKeyPair::from_pkcs8(HELLO_PKCS8).unwrap();
        let mut signature = vec![0; key.public().modulus_len()];
        let rng = SystemRandom::new();
        key.sign(
            &ring::signature::RSA_PKCS1_SHA256,
            &rng,
            message,
            &mut signature,
        )
        .unwrap();
        signature
    }

    #[test]
    fn a_windows_hello_rsa_signature_verifies_only_in_its_exact_form() {
        let signature = hello_sign(b"message");
        assert!(verifies(HELLO_PUBLIC, b"message", &signature));
        assert!(!verifies(HELLO_PUBLIC, b"messagf", &signature));
        // The key in another form than Windows gives it: the bare RSAPublicKey, or with a
        // byte of its header changed (here the algorithm's OID).
        assert!(!verifies(&HELLO_PUBLIC[24..], b"message", &signature));
        let mut other_algorithm = HELLO_PUBLIC.to_vec();
        other_algorithm[16] ^= 1;
        assert!(!verifies(&other_algorithm, b"message", &signature));
        // A signature one byte too long is not even looked at.
        let mut long = signature.clone();
        long.push(0);
        assert!(!verifies(HELLO_PUBLIC, b"message", &long));
        // A P-256 signature is no RSA one.
        let ecdsa = key_pair().sign(&SystemRandom::new(), b"message").unwrap();
        assert!(!verifies(HELLO_PUBLIC, b"message", ecdsa.as_ref()));
    }
}
