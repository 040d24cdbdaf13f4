//! Widgets the flows share.

mod image_picker;

pub use image_picker::{Camera, ImagePicker, PickedImage, MAX_PICK_BYTES};
