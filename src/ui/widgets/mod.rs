//! Widgets the flows share.

mod allowed_authorization;
mod authorization_offer;
mod card_face;
mod card_qr;
mod confirm;
mod family_links;
mod granted_authorization;
mod image_picker;
mod loading;
mod new_password;
mod wizard;

pub use allowed_authorization::AllowedAuthorization;
pub use authorization_offer::AuthorizationOfferPanel;
pub use card_face::CardFace;
pub use card_qr::CardQrPanel;
pub use confirm::ConfirmAction;
pub use family_links::FamilyLinks;
pub use granted_authorization::GrantedAuthorization;
pub use image_picker::{Camera, ImagePicker, PickedImage, MAX_PICK_BYTES};
pub use loading::{LoadFailed, Loading};
pub use new_password::NewPassword;
pub use wizard::{use_wizard, BackStep, StepHeading, Wizard};
