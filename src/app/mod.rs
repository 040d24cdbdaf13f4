//! UI-agnostic state and flows: what the screens show and do, testable without a window.

pub mod auth;
pub mod credentials;
#[cfg(feature = "desktop")]
pub mod desktop;
pub mod display;
pub mod login_form;
pub mod session;
pub mod setup;

pub use auth::{AuthService, LoginError};
pub use credentials::RememberedAccount;
pub use login_form::{LoginForm, LoginFormError};
pub use session::Session;
pub use setup::{AppSetup, Services};
