//! Who is calling: registration passwords and session tokens.

pub mod current_session;
pub mod device_key;
pub mod password_hash;
pub mod password_login;
pub mod server_key;
pub mod session_token;
pub mod sessions;

pub use current_session::CurrentSession;
