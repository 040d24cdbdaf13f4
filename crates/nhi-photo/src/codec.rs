//! The decoding and encoding done in Rust (the `decoders` feature: the server, the desktop
//! and the phones; the web build has the browser do it).

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage};

use nhi_core::domain::card_application::{MAX_IMAGE_PIXELS, MIN_DOCUMENT_SIDE};
use nhi_core::domain::photo_rules::{self, PhotoFacts, PhotoProblem};

use crate::{
    facts_of, is_complete, scaled_size, PrepareError, Prepared, COUNTER_PHOTO_SIDE, DOCUMENT_SIDE,
    JPEG_QUALITIES, MAX_DECODED_ON_SERVER, MAX_SOURCE_BYTES, MAX_SOURCE_SIDE, MEASURE_SIDE,
    PHOTO_SIDE,
};

/// The most a source may take once decoded on the device: 40 MP as RGBA is 160 MB, and
/// nothing a camera makes needs more.
const MAX_DECODED_ON_DEVICE: u64 = 192 * 1024 * 1024;
const COUNTER_PHOTO_QUALITY: u8 = 80;

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
    // means "damaged image" (the web build has its browser decode instead).
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

fn scaled_rgb(image: &DynamicImage, side: u32) -> RgbImage {
    let rgb = image.to_rgb8();
    let (w, h) = scaled_size(rgb.width(), rgb.height(), side);
    if (w, h) == rgb.dimensions() {
        return rgb;
    }
    image::imageops::thumbnail(&rgb, w, h)
}

fn measure(image: &DynamicImage) -> PhotoFacts {
    facts_of(
        &scaled_rgb(image, MEASURE_SIDE),
        image.width(),
        image.height(),
    )
}

fn encode(image: &DynamicImage, side: u32) -> Prepared {
    let rgb = scaled_rgb(image, side);
    let mut out = Vec::new();
    for quality in JPEG_QUALITIES {
        out.clear();
        let encoded = JpegEncoder::new_with_quality(&mut out, quality).encode_image(&rgb);
        if encoded.is_ok() && photo_rules::upload_fits(out.len()) {
            break;
        }
    }
    Prepared {
        jpeg: out,
        width: rgb.width(),
        height: rgb.height(),
    }
}
