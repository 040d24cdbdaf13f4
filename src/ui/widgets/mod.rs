//! Widgets the flows share.

mod card_face;
mod card_qr;
mod image_picker;
mod new_password;

pub use card_face::CardFace;
pub use card_qr::CardQrPanel;
pub use image_picker::{Camera, ImagePicker, PickedImage, MAX_PICK_BYTES};
pub use new_password::NewPassword;
