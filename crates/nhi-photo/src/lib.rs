//! Preparing a photo or an ID document for upload, on the device: decode whatever the camera
//! or file gave (JPEG, PNG, WebP, HEIC excepted), turn it upright by its EXIF orientation,
//! measure what the photo rules need, scale it down and re-encode it as a JPEG well under
//! the 5 MB limit. Large sources are fine; damaged or non-image files get a clear error.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage};

use nhi_core::domain::card_application::{MAX_IMAGE_PIXELS, MIN_DOCUMENT_SIDE};
use nhi_core::domain::photo_rules::{self, PhotoFacts, PhotoProblem};

/// Sources beyond this are refused before decoding (no camera produces them).
pub const MAX_SOURCE_BYTES: usize = 40 * 1024 * 1024;
/// The longest side kept: plenty for a card photo or a readable document.
const PHOTO_SIDE: u32 = 1200;
const DOCUMENT_SIDE: u32 = 1800;
/// Pixels per side a source may claim (decompression bombs are refused).
const MAX_SOURCE_SIDE: u32 = 16_384;
/// The most a source may take once decoded on the device: 40 MP as RGBA is 160 MB, and
/// nothing a camera makes needs more.
const MAX_DECODED_ON_DEVICE: u64 = 192 * 1024 * 1024;
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

/// A photo for the card, with the problems the rules found (empty: fine to upload).
pub fn prepare_photo(
    bytes: &[u8],
) -> Result<(Prepared, PhotoFacts, Vec<PhotoProblem>), PrepareError> {
    let image = decode_upright(bytes)?;
    let facts = measure(&image);
    let problems = photo_rules::check(&facts);
    Ok((encode(&image, PHOTO_SIDE), facts, problems))
}

/// The front of an ID document.
pub fn prepare_document(bytes: &[u8]) -> Result<Prepared, PrepareError> {
    let image = decode_upright(bytes)?;
    if image.width().max(image.height()) < MIN_DOCUMENT_SIDE {
        return Err(PrepareError::DocumentTooSmall(
            image.width(),
            image.height(),
        ));
    }
    Ok(encode(&image, DOCUMENT_SIDE))
}

/// Decodes with limits and applies the EXIF orientation, so a phone photo taken sideways
/// is judged (and uploaded) the way the person sees it.
pub fn decode_upright(bytes: &[u8]) -> Result<DynamicImage, PrepareError> {
    decode_upright_within(bytes, MAX_DECODED_ON_DEVICE)
}

/// `decode_upright`, refusing an image that would take more than `max_decoded` bytes.
fn decode_upright_within(bytes: &[u8], max_decoded: u64) -> Result<DynamicImage, PrepareError> {
    if bytes.len() > MAX_SOURCE_BYTES {
        return Err(PrepareError::TooLarge);
    }
    let not_image = |e: &dyn std::fmt::Display| PrepareError::NotAnImage(e.to_string());
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| not_image(&e))?;
    if reader.format().is_none() {
        return Err(PrepareError::NotAnImage("unknown format".into()));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SOURCE_SIDE);
    limits.max_image_height = Some(MAX_SOURCE_SIDE);
    limits.max_alloc = Some(max_decoded);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| not_image(&e))?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_IMAGE_PIXELS {
        return Err(PrepareError::TooManyPixels(width, height));
    }
    if decoder.total_bytes() > max_decoded {
        let per_pixel = u64::from(decoder.color_type().bytes_per_pixel());
        return Err(PrepareError::TooDeep(width, height, per_pixel));
    }
    let orientation = decoder.orientation().map_err(|e| not_image(&e))?;
    // Decoders are fuzzed, but a photo must never take the app down: a panic while decoding
    // means "damaged image" (native builds; the browser build aborts instead).
    let decoded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        DynamicImage::from_decoder(decoder)
    }))
    .map_err(|_| PrepareError::NotAnImage("the image data is damaged".into()))?;
    let mut image = decoded.map_err(|e| not_image(&e))?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// What the backend keeps of an upload: the image decoded (refusing incomplete files and
/// bombs), turned upright and encoded anew as a JPEG of at most `side` pixels. Nothing of
/// the original file survives: no EXIF (a phone's GPS position), no comments, no trailing
/// bytes, and the format is always what the answer's Content-Type says.
pub fn reencode(bytes: &[u8], side: u32) -> Result<Prepared, PrepareError> {
    if !is_complete(bytes) {
        return Err(PrepareError::Incomplete);
    }
    let image = decode_upright_within(bytes, MAX_DECODED_ON_SERVER)?;
    Ok(encode(&image, side))
}

/// The longest side of the photo a clinic's counter is shown: a face the clerk compares
/// with the patient, not a print (about 240×320).
pub const COUNTER_PHOTO_SIDE: u32 = 320;
const COUNTER_PHOTO_QUALITY: u8 = 80;

/// The counter's copy of a stored card photo: at most [`COUNTER_PHOTO_SIDE`] pixels a side,
/// a JPEG of some 10–30 KB instead of the ~190 KB original.
pub fn counter_copy(stored: &[u8]) -> Result<Vec<u8>, PrepareError> {
    let rgb = scaled_rgb(
        &decode_upright_within(stored, MAX_DECODED_ON_SERVER)?,
        COUNTER_PHOTO_SIDE,
    );
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, COUNTER_PHOTO_QUALITY)
        .encode_image(&rgb)
        .map_err(|e| PrepareError::NotAnImage(e.to_string()))?;
    Ok(out)
}

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

fn scaled_rgb(image: &DynamicImage, side: u32) -> RgbImage {
    let rgb = image.to_rgb8();
    if rgb.width().max(rgb.height()) <= side {
        return rgb;
    }
    let factor = side as f64 / rgb.width().max(rgb.height()) as f64;
    let w = ((rgb.width() as f64 * factor).round() as u32).max(1);
    let h = ((rgb.height() as f64 * factor).round() as u32).max(1);
    image::imageops::thumbnail(&rgb, w, h)
}

/// Brightness and whiteness of the band along the top, left and right edges (the bottom is
/// where the shoulders are).
fn measure(image: &DynamicImage) -> PhotoFacts {
    let small = scaled_rgb(image, 400);
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
        width: image.width(),
        height: image.height(),
        border_brightness: (sum / count as f64) as f32,
        border_white_share: white as f32 / count as f32,
    }
}

fn encode(image: &DynamicImage, side: u32) -> Prepared {
    let rgb = scaled_rgb(image, side);
    let mut quality = 88;
    loop {
        let mut out = Vec::new();
        let encoded = JpegEncoder::new_with_quality(&mut out, quality).encode_image(&rgb);
        if encoded.is_ok() && (photo_rules::upload_fits(out.len()) || quality <= 40) {
            return Prepared {
                jpeg: out,
                width: rgb.width(),
                height: rgb.height(),
            };
        }
        quality -= 12;
    }
}
