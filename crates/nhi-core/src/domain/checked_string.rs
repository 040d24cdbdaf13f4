//! Shared plumbing of the checked string types (ID, card and mobile numbers): each is
//! built only through its `parse`, shows as its text, and crosses the wire as a string.

/// Implements `as_str`, `Display`, `TryFrom<String>` (through `parse`) and `Into<String>`.
macro_rules! checked_string {
    ($name:ident, $error:ty) => {
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = $error;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }
    };
}

pub(crate) use checked_string;
