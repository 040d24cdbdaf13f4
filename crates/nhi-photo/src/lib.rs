//! Preparing a photo or an ID document for upload, on the device: decode whatever the camera
//! or file gave (JPEG, PNG, WebP, HEIC excepted), turn it upright by its EXIF orientation,
//! measure what the photo rules need, scale it down and re-encode it as a JPEG well under
//! the 5 MB limit. Large sources are fine; damaged or non-image files get a clear error.
//!
//! The decoding and encoding are the `decoders` feature (`codec`): the server, the desktop
//! and the phones. The web build leaves them to the browser, which has them anyway, and keeps
//! what is here without it: the limits, the sizes, the JPEG qualities and the measuring the
//! photo rules judge (nhi-client's `platform::browser_image`).

use image::RgbImage;

use nhi_core::domain::card_application::MAX_IMAGE_PIXELS;
use nhi_core::domain::photo_rules::PhotoFacts;

#[cfg(feature = "decoders")]
mod codec;
#[cfg(feature = "decoders")]
pub use codec::*;

/// Sources beyond this are refused before decoding (no camera produces them).
pub const MAX_SOURCE_BYTES: usize = 40 * 1024 * 1024;
/// The longest side kept: plenty for a card photo or a readable document.
pub const PHOTO_SIDE: u32 = 1200;
pub const DOCUMENT_SIDE: u32 = 1800;
/// Pixels per side a source may claim (decompression bombs are refused).
pub const MAX_SOURCE_SIDE: u32 = 16_384;
/// The longest side of the copy the photo rules are measured on.
pub const MEASURE_SIDE: u32 = 400;
/// JPEG qualities tried in turn until the upload fits (the last one is kept whatever its size).
pub const JPEG_QUALITIES: [u8; 5] = [88, 76, 64, 52, 40];
/// The most an upload may take once decoded on the server, where strangers' images share
/// the memory: a 12-megapixel colour photo (the app sends far smaller ones). Turning it
/// upright may copy it once, so a job stays well below 100 MB.
pub const MAX_DECODED_ON_SERVER: u64 = 40 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrepareError {
    #[error("the file is larger than 40 MB")]
    TooLarge,
    #[error("the file is not an image that can be read ({0})")]
    NotAnImage(String),
    #[error("the image is too small to read ({0}×{1} pixels)")]
    DocumentTooSmall(u32, u32),
    #[error("the image has too many pixels ({0}×{1}; at most 40 megapixels)")]
    TooManyPixels(u32, u32),
    #[error("the image is too large once decoded ({0}×{1} with {2} bytes a pixel)")]
    TooDeep(u32, u32, u64),
    #[error("the image file is incomplete (it ends before the image does)")]
    Incomplete,
}

/// An upright JPEG ready to upload, and what was measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// The longest side of the photo a clinic's counter is shown: a face the clerk compares
/// with the patient, not a print (about 240×320).
pub const COUNTER_PHOTO_SIDE: u32 = 320;

/// The longest side the backend keeps of a card photo and of an ID document.
pub const STORED_PHOTO_SIDE: u32 = PHOTO_SIDE;
pub const STORED_DOCUMENT_SIDE: u32 = DOCUMENT_SIDE;

/// Whether the file ends where its format says it ends. Decoders forgive a truncated
/// JPEG (the missing rows come out grey); an upload for a card must not be half a photo.
pub fn is_complete(bytes: &[u8]) -> bool {
    const PNG_END: [u8; 12] = [0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82];
    if bytes.starts_with(&[0xFF, 0xD8]) {
        // JPEG: the end-of-image marker, perhaps followed by padding some cameras add.
        let end = bytes
            .iter()
            .rposition(|&b| b != 0 && b != 0xFF)
            .unwrap_or(0);
        return end >= 1 && bytes[end] == 0xD9 && bytes[end - 1] == 0xFF;
    }
    if bytes.starts_with(b"\x89PNG") {
        return bytes
            .windows(PNG_END.len())
            .rev()
            .take(64)
            .any(|w| w == PNG_END);
    }
    if bytes.starts_with(b"GIF8") {
        return bytes.last() == Some(&0x3B);
    }
    if bytes.starts_with(b"RIFF") && bytes.len() >= 8 {
        let size = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
        return bytes.len() >= size + 8;
    }
    // Other formats (BMP) carry their size in the header; the decoder checks it.
    true
}

/// The size of a `width`×`height` image scaled down to at most `side` a side (never up).
pub fn scaled_size(width: u32, height: u32, side: u32) -> (u32, u32) {
    if width.max(height) <= side {
        return (width, height);
    }
    let factor = side as f64 / width.max(height) as f64;
    let w = ((width as f64 * factor).round() as u32).max(1);
    let h = ((height as f64 * factor).round() as u32).max(1);
    (w, h)
}

/// Whether a source of `width`×`height` may be decoded at all (decompression bombs are
/// refused before any work).
pub fn check_source_size(width: u32, height: u32) -> Result<(), PrepareError> {
    if width > MAX_SOURCE_SIDE
        || height > MAX_SOURCE_SIDE
        || u64::from(width) * u64::from(height) > MAX_IMAGE_PIXELS
    {
        return Err(PrepareError::TooManyPixels(width, height));
    }
    Ok(())
}

/// The photo facts of a `width`×`height` image, measured on `small`, its copy scaled to at
/// most [`MEASURE_SIDE`] (where the browser scaled it, the web build measures the same way):
/// brightness and whiteness of the band along the top, left and right edges (the bottom is
/// where the shoulders are).
pub fn facts_of(small: &RgbImage, width: u32, height: u32) -> PhotoFacts {
    let (w, h) = small.dimensions();
    let band = (w.min(h) / 16).max(1);
    let (mut sum, mut white, mut count) = (0f64, 0u64, 0u64);
    for (x, y, p) in small.enumerate_pixels() {
        if y >= band && x >= band && x < w.saturating_sub(band) {
            continue;
        }
        let [r, g, b] = p.0;
        let (hi, lo) = (r.max(g).max(b), r.min(g).min(b));
        sum += (f64::from(r) * 0.299) + (f64::from(g) * 0.587) + (f64::from(b) * 0.114);
        if lo >= 200 && hi - lo <= 30 {
            white += 1;
        }
        count += 1;
    }
    let count = count.max(1);
    PhotoFacts {
        width,
        height,
        border_brightness: (sum / count as f64) as f32,
        border_white_share: white as f32 / count as f32,
    }
}
