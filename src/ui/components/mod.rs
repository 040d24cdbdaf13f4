//! One component per file. Screens first, then the small widgets they share.

mod account;
mod card_application;
mod code_authentication;
mod device_authentication;
mod health_bank;
mod health_category;
mod health_record;
mod home;
pub(crate) mod icons;
mod institutions;
mod login;
mod not_found;
mod notice_bar;
mod phone_authentication;
mod service_pending;
mod shell;
mod sign_in_required;
mod virtual_card;

pub use account::Account;
pub use card_application::CardApplication;
pub use code_authentication::CodeAuthentication;
pub use device_authentication::DeviceAuthentication;
pub use health_bank::HealthBank;
pub use health_category::HealthCategory;
pub use health_record::HealthRecord;
pub use home::Home;
pub use institutions::Institutions;
pub use login::Login;
pub use not_found::NotFound;
pub use phone_authentication::PhoneAuthentication;
pub use shell::Shell;
pub use virtual_card::VirtualCard;
