//! What the counter's front page form sends (multipart: the photo is a file): the three
//! cards as the card readers would give them, the scanned QR text, a photo of the code.

use axum::extract::multipart::MultipartError;
use axum::extract::Multipart;
use axum::http::StatusCode;

use crate::services::institution_cards::Credentials;

#[derive(Default)]
pub(super) struct CounterForm {
    pub(super) credentials: Credentials,
    pub(super) payload: String,
    pub(super) image: Vec<u8>,
}

impl CounterForm {
    /// Reads the form; the error is the status it earns (413 when the photo is over the
    /// limit, 400 when the form cannot be read). Unknown fields are ignored, as a browser's
    /// extra ones would be.
    pub(super) async fn read(mut multipart: Multipart) -> Result<Self, StatusCode> {
        let mut form = Self::default();
        let status = |e: MultipartError| e.status();
        while let Some(field) = multipart.next_field().await.map_err(status)? {
            let name = field.name().unwrap_or_default().to_owned();
            let bytes = field.bytes().await.map_err(status)?;
            let text = || String::from_utf8_lossy(&bytes).trim().to_owned();
            match name.as_str() {
                "institution_code" => form.credentials.institution_code = text(),
                "sam_key" => form.credentials.sam_key = text(),
                "hpc_id" => form.credentials.hpc_id = text(),
                "hpc_pin" => form.credentials.hpc_pin = text(),
                "payload" => form.payload = text(),
                "image" => form.image = bytes.to_vec(),
                _ => {}
            }
        }
        Ok(form)
    }

    /// Cards typed: the clerk is signing in (again), not using the shift's sign-in.
    pub(super) fn types_cards(&self) -> bool {
        !self.credentials.sam_key.is_empty()
    }

    /// Neither QR text nor a photo.
    pub(super) fn nothing_given(&self) -> bool {
        self.payload.is_empty() && self.image.is_empty()
    }
}
