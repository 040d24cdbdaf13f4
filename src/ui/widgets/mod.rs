//! Widgets the flows share.

mod image_picker;
mod new_password;

pub use image_picker::{Camera, ImagePicker, PickedImage, MAX_PICK_BYTES};
pub use new_password::NewPassword;
