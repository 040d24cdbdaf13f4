//! The screens: one per route of `Route` (and the layout around them), one component per
//! file. What several screens show lives in `ui::widgets`.

mod account;
mod application_records;
mod authorizations;
mod authorize_card;
mod card_application;
mod code_authentication;
mod delegate_card;
mod device_authentication;
mod get_authorization;
mod health_bank;
mod health_category;
mod health_record;
mod home;
mod institutions;
mod login;
mod not_found;
mod phone_authentication;
mod services;
mod shell;
mod staff_application;
mod virtual_card;

pub use account::Account;
pub use application_records::ApplicationRecords;
pub use authorizations::Authorizations;
pub use authorize_card::AuthorizeCard;
pub use card_application::CardApplication;
pub use code_authentication::CodeAuthentication;
pub use delegate_card::DelegateCard;
pub use device_authentication::DeviceAuthentication;
pub use get_authorization::GetAuthorization;
pub use health_bank::HealthBank;
pub use health_category::HealthCategory;
pub use health_record::HealthRecord;
pub use home::Home;
pub use institutions::Institutions;
pub use login::Login;
pub use not_found::NotFound;
pub use phone_authentication::PhoneAuthentication;
pub use services::Services;
pub use shell::Shell;
pub use staff_application::StaffApplication;
pub use virtual_card::VirtualCard;
