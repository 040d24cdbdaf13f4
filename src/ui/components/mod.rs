//! One component per file. Screens first, then the small widgets they share.

mod account;
mod device_authentication;
mod health_bank;
mod home;
mod icons;
mod login;
mod not_found;
mod notice_bar;
mod service_pending;
mod shell;
mod sign_in_required;
mod virtual_card;

pub use account::Account;
pub use device_authentication::DeviceAuthentication;
pub use health_bank::HealthBank;
pub use home::Home;
pub use login::Login;
pub use not_found::NotFound;
pub use shell::Shell;
pub use virtual_card::VirtualCard;
