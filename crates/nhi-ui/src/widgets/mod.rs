//! Widgets: the parts several screens show (the card, its QR, the camera, the wizard's
//! steps, the notice bar, icons …), no routes of their own.

mod allowed_authorization;
mod authorization_offer;
mod card_face;
mod card_qr;
mod card_uses;
mod change_password;
mod confirm;
mod family_links;
mod granted_authorization;
mod hotline;
pub mod icons;
mod image_picker;
mod loading;
mod new_password;
mod notice_bar;
mod photo_rules;
mod quick_sign_in_settings;
mod reminder;
mod session_expiry;
mod sign_in_required;
mod use_line;
mod video_visit_requests;
mod wizard;

pub use allowed_authorization::AllowedAuthorization;
pub use authorization_offer::AuthorizationOfferPanel;
pub use card_face::CardFace;
pub use card_qr::CardQrPanel;
pub use card_uses::CardUses;
pub use change_password::ChangePassword;
pub use confirm::ConfirmAction;
pub use family_links::FamilyLinks;
pub use granted_authorization::GrantedAuthorization;
pub use hotline::Hotline;
pub use image_picker::{Camera, ImagePicker, PickedImage, MAX_PICK_BYTES};
pub use loading::{LoadFailed, Loading};
pub use new_password::NewPassword;
pub use notice_bar::NoticeBar;
pub use photo_rules::PhotoRules;
pub use quick_sign_in_settings::QuickSignInSettings;
pub use reminder::Reminder;
pub use session_expiry::SessionExpiryWarning;
pub use sign_in_required::SignInRequired;
pub use use_line::UseLine;
pub use video_visit_requests::VideoVisitRequests;
pub use wizard::{use_wizard, BackStep, StepHeading, Wizard};
