//! A software WebAuthn authenticator for the backend's passkey tests: it answers
//! `navigator.credentials.create()` and `.get()` options as a browser with a platform
//! authenticator would (a P-256 key, "none" attestation), and can be told that the user was
//! not verified. The CBOR it writes is the little WebAuthn needs: maps, integers, byte and
//! text strings.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use ring::digest::{digest, SHA256};
use serde_json::{json, Value};

use super::software_authenticator::{new_key, sign};

/// A passkey the authenticator holds: its credential ID and key.
pub struct SoftPasskey {
    pub credential_id: Vec<u8>,
    pkcs8: Vec<u8>,
    counter: std::cell::Cell<u32>,
}

const UP: u8 = 0x01;
const UV: u8 = 0x04;
const AT: u8 = 0x40;

impl std::fmt::Debug for SoftPasskey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SoftPasskey({})", b64(&self.credential_id))
    }
}

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// `navigator.credentials.create({ publicKey: options })` at `origin`; `verified`: whether
/// the authenticator verified the user (a fingerprint, a face, the screen lock).
pub fn create(options: &Value, origin: &str, verified: bool) -> (SoftPasskey, Value) {
    let rp_id = options["rp"]["id"].as_str().expect("rp.id");
    let challenge = options["challenge"].as_str().expect("challenge");
    let client_data = json!({ "type": "webauthn.create", "challenge": challenge, "origin": origin, "crossOrigin": false })
        .to_string();
    let (pkcs8, public) = new_key();
    let mut credential_id = vec![0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut credential_id);

    let mut cose = Vec::new();
    map_header(&mut cose, 5);
    int(&mut cose, 1);
    int(&mut cose, 2); // kty: EC2
    int(&mut cose, 3);
    int(&mut cose, -7); // alg: ES256
    int(&mut cose, -1);
    int(&mut cose, 1); // crv: P-256
    int(&mut cose, -2);
    bytes(&mut cose, &public[1..33]);
    int(&mut cose, -3);
    bytes(&mut cose, &public[33..65]);

    let mut auth_data = digest(&SHA256, rp_id.as_bytes()).as_ref().to_vec();
    auth_data.push(UP | AT | if verified { UV } else { 0 });
    auth_data.extend_from_slice(&0u32.to_be_bytes());
    auth_data.extend_from_slice(&[0u8; 16]); // AAGUID
    auth_data.extend_from_slice(&(credential_id.len() as u16).to_be_bytes());
    auth_data.extend_from_slice(&credential_id);
    auth_data.extend_from_slice(&cose);

    let mut attestation = Vec::new();
    map_header(&mut attestation, 3);
    text(&mut attestation, "fmt");
    text(&mut attestation, "none");
    text(&mut attestation, "attStmt");
    map_header(&mut attestation, 0);
    text(&mut attestation, "authData");
    bytes(&mut attestation, &auth_data);

    let credential = json!({
        "id": b64(&credential_id),
        "rawId": b64(&credential_id),
        "type": "public-key",
        "response": {
            "attestationObject": b64(&attestation),
            "clientDataJSON": b64(client_data.as_bytes()),
        },
        "clientExtensionResults": {},
    });
    let passkey = SoftPasskey {
        credential_id,
        pkcs8,
        counter: std::cell::Cell::new(0),
    };
    (passkey, credential)
}

/// `navigator.credentials.get({ publicKey: options })` at `origin` with `passkey`.
pub fn get(passkey: &SoftPasskey, options: &Value, origin: &str, verified: bool) -> Value {
    let rp_id = options["rpId"].as_str().expect("rpId");
    let challenge = options["challenge"].as_str().expect("challenge");
    let client_data =
        json!({ "type": "webauthn.get", "challenge": challenge, "origin": origin, "crossOrigin": false })
            .to_string();
    passkey.counter.set(passkey.counter.get() + 1);
    let mut auth_data = digest(&SHA256, rp_id.as_bytes()).as_ref().to_vec();
    auth_data.push(UP | if verified { UV } else { 0 });
    auth_data.extend_from_slice(&passkey.counter.get().to_be_bytes());
    let mut signed = auth_data.clone();
    signed.extend_from_slice(digest(&SHA256, client_data.as_bytes()).as_ref());
    let signature = sign(&passkey.pkcs8, &signed);
    json!({
        "id": b64(&passkey.credential_id),
        "rawId": b64(&passkey.credential_id),
        "type": "public-key",
        "response": {
            "authenticatorData": b64(&auth_data),
            "clientDataJSON": b64(client_data.as_bytes()),
            "signature": b64(&signature),
            "userHandle": null,
        },
        "clientExtensionResults": {},
    })
}

fn head(out: &mut Vec<u8>, major: u8, value: u64) {
    let major = major << 5;
    match value {
        0..=23 => out.push(major | value as u8),
        24..=0xff => out.extend_from_slice(&[major | 24, value as u8]),
        0x100..=0xffff => {
            out.push(major | 25);
            out.extend_from_slice(&(value as u16).to_be_bytes());
        }
        _ => {
            out.push(major | 26);
            out.extend_from_slice(&(value as u32).to_be_bytes());
        }
    }
}

fn int(out: &mut Vec<u8>, value: i64) {
    if value >= 0 {
        head(out, 0, value as u64);
    } else {
        head(out, 1, (-1 - value) as u64);
    }
}

fn bytes(out: &mut Vec<u8>, value: &[u8]) {
    head(out, 2, value.len() as u64);
    out.extend_from_slice(value);
}

fn text(out: &mut Vec<u8>, value: &str) {
    head(out, 3, value.len() as u64);
    out.extend_from_slice(value.as_bytes());
}

fn map_header(out: &mut Vec<u8>, entries: u64) {
    head(out, 5, entries);
}
