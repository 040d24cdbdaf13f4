//! Who is calling, as flows over the store and the attempt limits: checking a registration
//! password, starting a session, the API's bearer-session extractor. The primitives they
//! use (hashes, tokens, the server key) are in `crypto`.

pub mod action_approval;
pub mod current_session;
pub mod device_check;
pub mod passkeys;
pub mod password_login;
pub mod quick_sign_in;
pub mod sessions;

pub use current_session::{CurrentSession, CurrentSessionWithCard};
