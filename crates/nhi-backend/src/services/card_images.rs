//! The images of a card application — the ID document, the photo and, for staff
//! applications, the signed consent form — checked by decoding them (never by their name or
//! declared type) and kept as clean JPEGs (no EXIF, no GPS position, orientation applied).

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;

use crate::error::{ApiError, ImageRefusal};
use crate::heavy;
use nhi_core::domain::card_application::{
    MAX_UPLOAD_BYTES, MIN_DOCUMENT_SIDE, MIN_PHOTO_HEIGHT, MIN_PHOTO_WIDTH,
};
use nhi_photo::PrepareError;

/// What an image is of: its size rules follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    IdDocument,
    Photo,
    ConsentForm,
}

impl ImageKind {
    /// The upload's kind as stored (`uploads.kind`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::IdDocument => "id_document",
            Self::Photo => "photo",
            Self::ConsentForm => "consent_form",
        }
    }
}

/// A checked image, re-encoded, with a new random id.
pub struct Prepared {
    pub id: String,
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Decodes and re-encodes the body as a heavy job: bombs, incomplete files, non-images and
/// images too small to review are refused.
pub async fn prepare(
    kind: ImageKind,
    body: Result<Bytes, BytesRejection>,
) -> Result<Prepared, ApiError> {
    let too_large =
        || ApiError::bad_image(ImageRefusal::TooLarge, "Uploads must be smaller than 5 MB.");
    let bytes = body.map_err(|_| too_large())?;
    if bytes.len() >= MAX_UPLOAD_BYTES {
        return Err(too_large());
    }
    let side = match kind {
        ImageKind::Photo => nhi_photo::STORED_PHOTO_SIDE,
        ImageKind::IdDocument | ImageKind::ConsentForm => nhi_photo::STORED_DOCUMENT_SIDE,
    };
    let prepared = heavy::run(heavy::Work::Image, move || {
        nhi_photo::reencode(&bytes, side)
    })
    .await
    .map_err(|e| ApiError::InvalidRequest(e.to_string()))?
    .map_err(|e| match e {
        PrepareError::TooManyPixels(..) | PrepareError::TooDeep(..) => {
            ApiError::bad_image(ImageRefusal::TooLarge, e.to_string())
        }
        PrepareError::TooLarge => too_large(),
        _ => ApiError::bad_image(ImageRefusal::NotAnImage, e.to_string()),
    })?;
    let (width, height) = (prepared.width, prepared.height);
    let big_enough = match kind {
        ImageKind::Photo => width >= MIN_PHOTO_WIDTH && height >= MIN_PHOTO_HEIGHT,
        ImageKind::IdDocument | ImageKind::ConsentForm => width.max(height) >= MIN_DOCUMENT_SIDE,
    };
    if !big_enough {
        return Err(ApiError::bad_image(
            ImageRefusal::TooSmall,
            format!("{width}×{height} pixels is too small to review."),
        ));
    }
    let mut raw = [0u8; 18];
    rand::rngs::OsRng.fill_bytes(&mut raw);
    Ok(Prepared {
        id: URL_SAFE_NO_PAD.encode(raw),
        jpeg: prepared.jpeg,
        width,
        height,
    })
}
