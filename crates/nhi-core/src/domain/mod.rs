//! Pure rules shared by the client and the backend. No I/O lives here.

pub mod attempt_limit;
pub mod authorization;
pub mod card_application;
pub mod card_number;
pub mod card_qr;
mod checked_string;
pub mod clock;
pub mod consent;
pub mod device_code;
pub mod health_bank;
pub mod id_number;
pub mod login_throttle;
pub mod mobile_number;
pub mod password;
pub mod photo_rules;
pub mod quick_sign_in;
pub mod roc_date;
pub mod search_text;
mod secret;
pub mod taiwan_time;
pub mod video_visit;

pub use card_number::CardNumber;
pub use clock::{Clock, ManualClock, SystemClock};
pub use device_code::DeviceCode;
pub use id_number::{IdKind, IdNumber, IdNumberError};
pub use mobile_number::MobileNumber;
pub use password::{PasswordError, Strength};
pub use roc_date::RocDate;
pub use secret::Secret;
