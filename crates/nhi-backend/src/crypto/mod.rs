//! The primitives secrets are kept with, below every service: argon2id password hashes,
//! random session tokens and device keys stored as their SHA-256, and the server's own key
//! for keyed hashes of short secrets and for sealing card QR tokens.

pub mod device_key;
pub mod device_signature;
pub mod password_hash;
pub mod server_key;
pub mod session_token;
