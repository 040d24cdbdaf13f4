//! Reading QR codes from uploaded images (photos, screenshots), without ever letting a bad
//! image take the server down: the format is sniffed from the bytes, dimensions and memory
//! are capped before decoding, big photos are scaled down first, and a decoder panic is
//! caught and reported as "no readable QR code".
//!
//! Two decoders. rxing (a port of ZXing: hybrid binarizer, "try harder") goes first: on the
//! generated corpus of `benches/qr_decode` it reads 82 % alone at about 0.7 ms an image,
//! against rqrr's 73 % at about 5 ms, and only rxing reads heavily compressed screenshots.
//! rqrr, the decoder the product brief names, earns its place as the fallback: it reads
//! some glary, noisy and skewed photos rxing misses, lifting the pipeline to 88 %.

use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use image::{DynamicImage, GrayImage, ImageDecoder, ImageReader, Limits};

use axum::body::Bytes;

use crate::error::{ApiError, ImageRefusal};
use crate::heavy::Work;
use nhi_core::api::ProblemCode;
use nhi_core::domain::card_application::MAX_IMAGE_PIXELS;

/// Uploads larger than this are refused before decoding.
pub const MAX_UPLOAD_BYTES: usize = 15 * 1024 * 1024;
/// The longest side the detector works on; camera photos are scaled down to it.
const WORKING_SIDE: u32 = 1600;
/// Images claiming more pixels than this per side are refused (decompression bombs).
const MAX_SIDE: u32 = 12_000;
/// The most an image may take once decoded: a 16-megapixel colour photo, a 12-megapixel
/// one with transparency. Pixels alone are not the measure — a 40 MP image with 16-bit
/// channels and alpha takes 320 MB — so deep or transparent images must be smaller.
pub const MAX_DECODED_BYTES: u64 = 48 * 1024 * 1024;
/// A second look after a miss works on at most this many pixels a side: small codes in big
/// photos can vanish when scaled to the working size, but the full resolution of a 40 MP
/// image would cost the detector seconds to minutes.
const RETRY_SIDE: u32 = 3_200;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScanError {
    #[error("the file is larger than {} MB", MAX_UPLOAD_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("the file is not an image this server can read ({0})")]
    NotAnImage(String),
    #[error("no readable QR code was found in the image")]
    NoQrCode,
    #[error("the image has too many pixels ({0}×{1}; at most 40 megapixels)")]
    TooManyPixels(u32, u32),
    #[error("the image is too large once decoded ({0}×{1} with {2} bytes a pixel; at most 48 MB)")]
    TooDeep(u32, u32, u64),
}

/// The texts of every QR code found, in the order found.
pub fn scan(bytes: &[u8]) -> Result<Vec<String>, ScanError> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(ScanError::TooLarge);
    }
    // Converted in place where it already is grey: no second copy of a big image.
    let luma = decode(bytes)?.into_luma8();
    let longest = luma.width().max(luma.height());
    let mut texts = detect(shrunk(&luma, WORKING_SIDE));
    if texts.is_empty() && longest > WORKING_SIDE {
        // Small codes in big photos can vanish when scaled; look once more, less scaled.
        texts = detect(shrunk(&luma, RETRY_SIDE));
    }
    if texts.is_empty() {
        Err(ScanError::NoQrCode)
    } else {
        Ok(texts)
    }
}

/// The image with its longest side at most `side` pixels.
fn shrunk(luma: &GrayImage, side: u32) -> GrayImage {
    if luma.width().max(luma.height()) <= side {
        return luma.clone();
    }
    let (w, h) = scaled_to(luma.width(), luma.height(), side);
    image::imageops::thumbnail(luma, w, h)
}

fn decode(bytes: &[u8]) -> Result<DynamicImage, ScanError> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| ScanError::NotAnImage(e.to_string()))?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    reader.limits(limits);
    if reader.format().is_none() {
        return Err(ScanError::NotAnImage("unknown format".into()));
    }
    let decoder = reader
        .into_decoder()
        .map_err(|e| ScanError::NotAnImage(e.to_string()))?;
    // The header's claim is checked before a single pixel is decoded.
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_IMAGE_PIXELS {
        return Err(ScanError::TooManyPixels(width, height));
    }
    if decoder.total_bytes() > MAX_DECODED_BYTES {
        let per_pixel = u64::from(decoder.color_type().bytes_per_pixel());
        return Err(ScanError::TooDeep(width, height, per_pixel));
    }
    catch_unwind(AssertUnwindSafe(|| DynamicImage::from_decoder(decoder)))
        .map_err(|_| ScanError::NotAnImage("the image data is damaged".into()))?
        .map_err(|e| ScanError::NotAnImage(e.to_string()))
}

fn scaled_to(width: u32, height: u32, side: u32) -> (u32, u32) {
    let longest = width.max(height) as f64;
    let factor = f64::from(side) / longest;
    (
        ((width as f64 * factor) as u32).max(1),
        ((height as f64 * factor) as u32).max(1),
    )
}

fn detect(image: GrayImage) -> Vec<String> {
    let found = detect_rxing(&image);
    if !found.is_empty() {
        return found;
    }
    detect_rqrr(image)
}

/// rqrr alone. It is known to panic on some real photos; a panic means "not readable".
pub fn detect_rqrr(image: GrayImage) -> Vec<String> {
    catch_unwind(AssertUnwindSafe(move || {
        let mut prepared = rqrr::PreparedImage::prepare(image);
        prepared
            .detect_grids()
            .into_iter()
            .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
            .collect::<Vec<_>>()
    }))
    .unwrap_or_default()
}

/// rxing (ZXing's algorithms) alone, trying harder, inverted too, QR codes only.
pub fn detect_rxing(image: &GrayImage) -> Vec<String> {
    let (width, height) = image.dimensions();
    let luma = image.as_raw().clone();
    catch_unwind(AssertUnwindSafe(move || {
        let mut hints = rxing::DecodeHints {
            TryHarder: Some(true),
            // Light-on-dark codes (a phone in dark mode) are tried only after a miss.
            AlsoInverted: Some(true),
            ..Default::default()
        };
        rxing::helpers::detect_in_luma_with_hints(
            luma,
            width,
            height,
            Some(rxing::BarcodeFormat::QR_CODE),
            &mut hints,
        )
        .map(|result| vec![result.getText().to_owned()])
        .unwrap_or_default()
    }))
    .unwrap_or_default()
}

/// Decodes and prepares an image for the detectors (upright, grey, at most the working
/// size): what `scan` does before detecting, for tools that compare decoders.
pub fn working_image(bytes: &[u8]) -> Result<GrayImage, ScanError> {
    Ok(shrunk(&decode(bytes)?.into_luma8(), WORKING_SIDE))
}

/// An upload's QR texts (the app's "scan from an image", the API's image verification and
/// the counter page's upload), read as a heavy job; refusals as problem documents.
pub async fn scan_upload(work: Work, bytes: Bytes) -> Result<Vec<String>, ApiError> {
    crate::heavy::run(work, move || scan(&bytes))
        .await
        .map_err(|e| ApiError::InvalidRequest(format!("the image could not be processed: {e}")))?
        .map_err(ApiError::from)
}

/// The card QR payload in a photo or screenshot; a QR code of something else is refused.
pub async fn read_card_qr(bytes: Bytes) -> Result<String, ApiError> {
    scan_upload(Work::Image, bytes)
        .await?
        .into_iter()
        .find(|t| nhi_core::domain::card_qr::token_from_payload(t).is_some())
        .ok_or_else(|| {
            ApiError::refuse(
                ProblemCode::QrUnreadable,
                "The image has a QR code, but not a Virtual NHI Card's.",
            )
        })
}

impl From<ScanError> for ApiError {
    fn from(e: ScanError) -> Self {
        match e {
            ScanError::TooLarge | ScanError::TooManyPixels(..) | ScanError::TooDeep(..) => {
                ApiError::bad_image(ImageRefusal::TooLarge, e.to_string())
            }
            ScanError::NotAnImage(_) => {
                ApiError::bad_image(ImageRefusal::NotAnImage, e.to_string())
            }
            ScanError::NoQrCode => ApiError::refuse(
                ProblemCode::QrUnreadable,
                "No readable QR code was found. Take the photo closer, straight on, without glare.",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageFormat, Luma};
    use qrcode::{Color, QrCode};

    /// A QR code drawn as a PNG with `module_px` pixels a module and a 4-module quiet zone.
    fn png_of_qr(text: &str, module_px: u32) -> Vec<u8> {
        png_of_qr_coloured(text, module_px, 0, 255)
    }

    fn png_of_qr_coloured(text: &str, module_px: u32, dark_px: u8, light_px: u8) -> Vec<u8> {
        let code = QrCode::new(text.as_bytes()).unwrap();
        let modules = code.width() as u32;
        let colors = code.to_colors();
        let side = (modules + 8) * module_px;
        let img = GrayImage::from_fn(side, side, |x, y| {
            let (mx, my) = (x / module_px, y / module_px);
            let inside = (4..modules + 4).contains(&mx) && (4..modules + 4).contains(&my);
            let dark = inside && colors[((my - 4) * modules + (mx - 4)) as usize] == Color::Dark;
            Luma([if dark { dark_px } else { light_px }])
        });
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageLuma8(img)
            .write_to(&mut out, ImageFormat::Png)
            .unwrap();
        out.into_inner()
    }

    #[test]
    fn reads_a_rendered_code() {
        let texts = scan(&png_of_qr("NHIEXPRESS:DEVICE-CODE:1:E9jk3m4F", 8)).unwrap();
        assert_eq!(texts, ["NHIEXPRESS:DEVICE-CODE:1:E9jk3m4F"]);
    }

    #[test]
    fn reads_an_inverted_code() {
        // Light modules on a dark ground: a phone in dark mode, a screenshot of one.
        let texts = scan(&png_of_qr_coloured(
            "NHIEXPRESS:DEVICE-CODE:1:E9jk3m4F",
            8,
            255,
            20,
        ))
        .unwrap();
        assert_eq!(texts, ["NHIEXPRESS:DEVICE-CODE:1:E9jk3m4F"]);
    }

    #[test]
    fn reads_a_big_photo_after_scaling_it_down() {
        let texts = scan(&png_of_qr("NHIEXPRESS:DEVICE-CODE:1:E9jk3m4F", 120)).unwrap();
        assert_eq!(texts.len(), 1);
    }

    #[test]
    fn bad_inputs_are_refused_not_crashed_on() {
        assert!(matches!(
            scan(b"not an image at all"),
            Err(ScanError::NotAnImage(_))
        ));
        let png = png_of_qr("hello", 8);
        assert!(matches!(
            scan(&png[..png.len() / 2]),
            Err(ScanError::NotAnImage(_))
        ));
        assert_eq!(
            scan(&vec![0u8; MAX_UPLOAD_BYTES + 1]),
            Err(ScanError::TooLarge)
        );
        let blank = {
            let mut out = Cursor::new(Vec::new());
            DynamicImage::new_luma8(300, 300)
                .write_to(&mut out, ImageFormat::Png)
                .unwrap();
            out.into_inner()
        };
        assert_eq!(scan(&blank), Err(ScanError::NoQrCode));
    }
}
