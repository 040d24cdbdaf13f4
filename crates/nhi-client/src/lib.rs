//! The app without its screens: `client` (the backend over HTTPS), `platform` (what the
//! operating system provides: the keyring, drafts, timers, the system's language) and `app`
//! (the UI-agnostic state of every flow, testable without a window).

pub mod app;
pub mod client;
pub mod platform;
