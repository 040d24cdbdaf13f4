//! Device keys: 256 random bits made at binding, given to the device once, kept only as
//! their SHA-256 here. The same shape as session tokens.

pub use super::session_token::{digest, generate};

/// Whether the presented key is the one bound.
pub fn matches(presented: &str, stored_hash: &[u8]) -> bool {
    digest(presented).as_slice() == stored_hash
}
