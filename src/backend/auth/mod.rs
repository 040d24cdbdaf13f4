//! Who is calling: registration passwords and session tokens.

pub mod current_session;
pub mod password_hash;
pub mod session_token;

pub use current_session::CurrentSession;
