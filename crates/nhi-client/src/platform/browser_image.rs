//! Preparing a photo or an ID document in the web build. The browser decodes the file
//! (turning it upright by its EXIF orientation), scales it and encodes the JPEG, with the
//! decoders it has anyway; keeping Rust's out of the wasm makes the app's download a good
//! part smaller. Rust checks the file's size and its header's dimensions before the browser
//! is asked to decode anything (no decompression bomb reaches a decoder), and measures the
//! photo rules on a scaled copy with the same code as every other build
//! (`nhi_photo::facts_of`); the sizes and JPEG qualities are `nhi_photo`'s too.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

use nhi_core::domain::card_application::MIN_DOCUMENT_SIDE;
use nhi_core::domain::photo_rules::{self, PhotoFacts, PhotoProblem};
use nhi_photo::{
    check_source_size, scaled_size, PrepareError, Prepared, DOCUMENT_SIDE, JPEG_QUALITIES,
    MAX_SOURCE_BYTES, MEASURE_SIDE, PHOTO_SIDE,
};

#[wasm_bindgen(inline_js = r#"
function drawn(bitmap, width, height) {
  const canvas = typeof OffscreenCanvas === 'function'
    ? new OffscreenCanvas(width, height)
    : Object.assign(document.createElement('canvas'), { width, height });
  const context = canvas.getContext('2d');
  // Transparent parts read as the white a viewer shows them on, not as black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  return [canvas, context];
}
export function decodeUpright(bytes) {
  return createImageBitmap(new Blob([bytes]), { imageOrientation: 'from-image' });
}
export function scaledRgba(bitmap, width, height) {
  const [, context] = drawn(bitmap, width, height);
  return new Uint8Array(context.getImageData(0, 0, width, height).data.buffer);
}
export async function scaledJpeg(bitmap, width, height, quality) {
  const [canvas] = drawn(bitmap, width, height);
  const blob = canvas.convertToBlob
    ? await canvas.convertToBlob({ type: 'image/jpeg', quality })
    : await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  return new Uint8Array(await blob.arrayBuffer());
}
export function closeBitmap(bitmap) {
  bitmap.close();
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = decodeUpright)]
    async fn decode_upright(bytes: &[u8]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = scaledRgba)]
    fn scaled_rgba(bitmap: &JsValue, width: u32, height: u32) -> Result<Vec<u8>, JsValue>;
    #[wasm_bindgen(catch, js_name = scaledJpeg)]
    async fn scaled_jpeg(
        bitmap: &JsValue,
        width: u32,
        height: u32,
        quality: f64,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = closeBitmap)]
    fn close_bitmap(bitmap: &JsValue);
}

/// A photo for the card, with the problems the rules found (empty: fine to upload).
pub async fn prepare_photo(
    bytes: &[u8],
) -> Result<(Prepared, PhotoFacts, Vec<PhotoProblem>), PrepareError> {
    let image = Upright::decode(bytes).await?;
    let facts = image.facts()?;
    let problems = photo_rules::check(&facts);
    Ok((image.encode(PHOTO_SIDE).await?, facts, problems))
}

/// The front of an ID document.
pub async fn prepare_document(bytes: &[u8]) -> Result<Prepared, PrepareError> {
    let image = Upright::decode(bytes).await?;
    if image.width.max(image.height) < MIN_DOCUMENT_SIDE {
        return Err(PrepareError::DocumentTooSmall(image.width, image.height));
    }
    image.encode(DOCUMENT_SIDE).await
}

/// A decoded image, upright, held by the browser (released when dropped).
struct Upright {
    bitmap: JsValue,
    width: u32,
    height: u32,
}

impl Upright {
    async fn decode(bytes: &[u8]) -> Result<Self, PrepareError> {
        if bytes.len() > MAX_SOURCE_BYTES {
            return Err(PrepareError::TooLarge);
        }
        let size = imagesize::blob_size(bytes)
            .map_err(|_| PrepareError::NotAnImage("unknown format".into()))?;
        let side = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        check_source_size(side(size.width), side(size.height))?;
        let bitmap = decode_upright(bytes).await.map_err(|_| {
            PrepareError::NotAnImage(
                "the image is damaged or in a format the browser cannot read".into(),
            )
        })?;
        let dimension = |name: &str| {
            Reflect::get(&bitmap, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0) as u32
        };
        let (width, height) = (dimension("width"), dimension("height"));
        Ok(Self {
            bitmap,
            width,
            height,
        })
    }

    fn facts(&self) -> Result<PhotoFacts, PrepareError> {
        let (w, h) = scaled_size(self.width, self.height, MEASURE_SIDE);
        let rgba = scaled_rgba(&self.bitmap, w, h).map_err(failed)?;
        let rgb = rgba
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        let small = image::RgbImage::from_raw(w, h, rgb)
            .ok_or_else(|| PrepareError::NotAnImage("the browser drew no image".into()))?;
        Ok(nhi_photo::facts_of(&small, self.width, self.height))
    }

    async fn encode(&self, side: u32) -> Result<Prepared, PrepareError> {
        let (width, height) = scaled_size(self.width, self.height, side);
        let mut jpeg = Vec::new();
        for quality in JPEG_QUALITIES {
            let encoded = scaled_jpeg(&self.bitmap, width, height, f64::from(quality) / 100.0)
                .await
                .map_err(failed)?;
            jpeg = Uint8Array::new(&encoded).to_vec();
            if photo_rules::upload_fits(jpeg.len()) {
                break;
            }
        }
        Ok(Prepared {
            jpeg,
            width,
            height,
        })
    }
}

impl Drop for Upright {
    fn drop(&mut self) {
        close_bitmap(&self.bitmap);
    }
}

fn failed(error: JsValue) -> PrepareError {
    let message = Reflect::get(&error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "the browser could not prepare the image".into());
    PrepareError::NotAnImage(message)
}
