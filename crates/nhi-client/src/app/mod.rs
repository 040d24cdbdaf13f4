//! UI-agnostic state and flows: what the screens show and do, testable without a window.

pub mod auth;
pub mod authorization;
pub mod authorization_forms;
pub mod card;
pub mod card_memory;
pub mod card_qr;
pub mod credentials;
pub mod device;
pub mod device_auth;
pub mod device_auth_forms;
pub mod display;
pub mod health_bank;
pub mod login_form;
pub mod quick_sign_in;
pub mod session;
pub mod setup;
pub mod staff_application;
pub mod video_visit;
pub mod wizard;

pub use auth::{ChangePasswordError, Flows, LoginError};
pub use credentials::RememberedAccount;
pub use device_auth::{DeviceAuthError, PhoneCheck};
pub use device_auth_forms::{PasswordForm, PhoneForm};
pub use login_form::{LoginForm, LoginFormError};
pub use quick_sign_in::QuickSignInError;
pub use session::Session;
pub use setup::{AppSetup, Services};
