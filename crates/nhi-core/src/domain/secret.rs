//! A secret as typed (a password, a PIN): never in `Debug` output or logs, and wiped from
//! memory when dropped. On the wire it is a plain JSON string.

use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself, for the one place that checks or sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_hides_the_value() {
        let s = Secret::new("Wang@2026");
        assert_eq!(format!("{s:?}"), "Secret(***)");
        assert_eq!(s.expose(), "Wang@2026");
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"Wang@2026\"");
        let back: Secret = serde_json::from_str("\"x1\"").unwrap();
        assert_eq!(back.expose(), "x1");
    }
}
