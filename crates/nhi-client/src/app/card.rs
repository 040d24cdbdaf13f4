//! The Virtual NHI Card and applying for it: preparing the two images on the device (with
//! the photo checks), uploading, submitting, re-applying, cancelling.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use super::auth::Flows;
use super::card_memory::ShownCard;
use super::session::Session;
use crate::client::ClientError;
use nhi_core::api::{paths, CardState, CardView, SubmitApplication};
use nhi_core::domain::photo_rules::PhotoProblem;
use nhi_core::domain::MobileNumber;
use nhi_core::i18n::{Lang, Msg};
use nhi_photo::{PrepareError, Prepared};

/// An image ready to upload, with a preview the screen can show.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedUpload {
    pub image: Prepared,
    pub preview: String,
}

impl PreparedUpload {
    fn new(image: Prepared) -> Self {
        let preview = format!("data:image/jpeg;base64,{}", STANDARD.encode(&image.jpeg));
        Self { image, preview }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CardError {
    #[error("the image could not be prepared: {0}")]
    Prepare(PrepareError),
    #[error("the photo does not follow the rules")]
    Photo(Vec<PhotoProblem>),
    #[error("the contact phone is not a mobile number")]
    Phone,
    #[error("the e-mail address is not valid")]
    Email,
    #[error("the terms were not accepted")]
    Terms,
    #[error(transparent)]
    Server(#[from] ClientError),
}

impl CardError {
    /// What to tell the person: one line per problem.
    pub fn user_messages(&self, lang: Lang) -> Vec<String> {
        let one = |id: &str| vec![lang.t(id)];
        match self {
            Self::Prepare(PrepareError::TooLarge) => one("card-file-over-40-mb"),
            Self::Prepare(PrepareError::NotAnImage(_)) => one("card-file-not-readable-image"),
            Self::Prepare(PrepareError::TooManyPixels(w, h) | PrepareError::TooDeep(w, h, _)) => {
                vec![nhi_core::tr!(
                    lang,
                    "card-too-many-pixels",
                    width = *w,
                    height = *h
                )]
            }
            Self::Prepare(PrepareError::Incomplete) => one("card-image-file-incomplete-perhaps"),
            Self::Prepare(PrepareError::DocumentTooSmall(w, h)) => vec![nhi_core::tr!(
                lang,
                "card-document-too-small",
                width = *w,
                height = *h
            )],
            Self::Photo(problems) => problems.iter().map(|&p| Msg::from(p).text(lang)).collect(),
            Self::Phone => one("card-contact-phone-must-mobile"),
            Self::Email => one("card-e-mail-address-not"),
            Self::Terms => one("card-tick-agree-privacy-policy"),
            Self::Server(e) => vec![e.user_message(lang)],
        }
    }
}

/// Runs heavy image work off the UI thread where there are threads (native builds). If the
/// work fails unexpectedly the image is treated as unreadable; the app carries on.
#[cfg(not(target_arch = "wasm32"))]
async fn offload<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, PrepareError> + Send + 'static,
) -> Result<T, PrepareError> {
    match tokio::runtime::Handle::try_current() {
        Ok(handle) => handle.spawn_blocking(work).await.unwrap_or_else(|_| {
            Err(PrepareError::NotAnImage(
                "the image could not be processed".into(),
            ))
        }),
        Err(_) => work(),
    }
}

pub async fn prepare_document(bytes: Vec<u8>) -> Result<PreparedUpload, CardError> {
    #[cfg(not(target_arch = "wasm32"))]
    let prepared = offload(move || nhi_photo::prepare_document(&bytes)).await;
    #[cfg(target_arch = "wasm32")]
    let prepared = crate::platform::browser_image::prepare_document(&bytes).await;
    prepared
        .map(PreparedUpload::new)
        .map_err(CardError::Prepare)
}

/// Prepares the photo; any rule it breaks is an error explaining the rule.
pub async fn prepare_photo(bytes: Vec<u8>) -> Result<PreparedUpload, CardError> {
    #[cfg(not(target_arch = "wasm32"))]
    let prepared = offload(move || nhi_photo::prepare_photo(&bytes)).await;
    #[cfg(target_arch = "wasm32")]
    let prepared = crate::platform::browser_image::prepare_photo(&bytes).await;
    let (prepared, _facts, problems) = prepared.map_err(CardError::Prepare)?;
    if !problems.is_empty() {
        return Err(CardError::Photo(problems));
    }
    Ok(PreparedUpload::new(prepared))
}

/// The contact details of an application.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactForm {
    pub phone: String,
    pub email: String,
}

impl ContactForm {
    pub fn validate(&self) -> Result<(MobileNumber, String), CardError> {
        let phone = MobileNumber::parse(&self.phone).map_err(|_| CardError::Phone)?;
        let email = self.email.trim();
        let ok = email.len() <= 254
            && email.split_once('@').is_some_and(|(u, h)| {
                !u.is_empty() && h.contains('.') && !h.starts_with('.') && !h.ends_with('.')
            });
        if !ok {
            return Err(CardError::Email);
        }
        Ok((phone, email.to_owned()))
    }
}

/// How often a card screen showing an application under review asks whether it was decided.
pub const REVIEW_CHECK: std::time::Duration = std::time::Duration::from_secs(5);

impl Flows {
    pub async fn card(&self, session: &Session) -> Result<CardView, ClientError> {
        self.client.card(&session.token).await
    }

    /// Whether a screen showing the card as `showing` should load it again: only a card
    /// under review is asked about (a small request), and only a decision (approved,
    /// rejected, cancelled) counts. A failed check changes nothing.
    pub async fn decided_since(&self, session: &Session, showing: Option<CardState>) -> bool {
        if showing != Some(CardState::UnderReview) {
            return false;
        }
        self.card(session)
            .await
            .is_ok_and(|now| now.state != CardState::UnderReview)
    }

    /// Uploads both images and submits the application (replacing one under review).
    pub async fn apply_for_card(
        &self,
        session: &Session,
        accepted_terms: bool,
        document: &PreparedUpload,
        photo: &PreparedUpload,
        contact: &ContactForm,
    ) -> Result<CardView, CardError> {
        if !accepted_terms {
            return Err(CardError::Terms);
        }
        let (phone, email) = contact.validate()?;
        self.card_memory.forget();
        let token = &session.token;
        let document = self
            .client
            .upload_image(token, paths::DOCUMENT_UPLOADS, document.image.jpeg.clone())
            .await?;
        let photo = self
            .client
            .upload_image(token, paths::PHOTO_UPLOADS, photo.image.jpeg.clone())
            .await?;
        Ok(self
            .client
            .apply_for_card(
                token,
                &SubmitApplication {
                    accepted_terms,
                    document_upload: document.upload_id,
                    photo_upload: photo.upload_id,
                    contact_phone: phone.to_string(),
                    email,
                },
            )
            .await?)
    }

    pub async fn cancel_card(&self, session: &Session) -> Result<(), ClientError> {
        // What was shown before is no longer the card, whatever the answer.
        self.card_memory.forget();
        self.client.cancel_card(&session.token).await
    }

    /// The approved photo, ready for an `img` element; by the version the card names, when
    /// it names one, so that a browser keeps it across visits.
    pub async fn card_photo(
        &self,
        session: &Session,
        version: Option<&str>,
    ) -> Result<String, ClientError> {
        let jpeg = self.client.card_photo(&session.token, version).await?;
        Ok(format!("data:image/jpeg;base64,{}", STANDARD.encode(jpeg)))
    }

    /// 重要資訊 for the home screen.
    pub async fn announcements(&self) -> Result<Vec<nhi_core::api::Announcement>, ClientError> {
        self.client.announcements().await
    }

    /// The person's card applications, newest first, whoever made them (their records).
    pub async fn application_records(
        &self,
        session: &Session,
    ) -> Result<Vec<nhi_core::api::ApplicationRecord>, ClientError> {
        self.client.application_records(&session.token).await
    }

    /// The card, with its photo once approved (a photo that fails to load leaves the card
    /// usable: the face then shows without it). The approved photo is fetched once a session.
    pub async fn card_with_photo(&self, session: &Session) -> Result<ShownCard, ClientError> {
        let view = self.card(session).await?;
        let photo = if view.state == CardState::Approved {
            match self.card_memory.photo_for(&session.token, &view) {
                Some(photo) => Some(photo),
                None => {
                    let version = view
                        .application
                        .as_ref()
                        .and_then(|a| a.photo_version.as_deref());
                    self.card_photo(session, version).await.ok()
                }
            }
        } else {
            None
        };
        let shown = (view, photo);
        self.card_memory.keep(&session.token, shown.clone());
        Ok(shown)
    }

    /// The card as this session last showed it, to show at once while it is read again.
    pub fn card_shown_before(&self, session: &Session) -> Option<ShownCard> {
        self.card_memory.recall(&session.token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_details_are_checked() {
        let f = |p: &str, e: &str| ContactForm {
            phone: p.into(),
            email: e.into(),
        };
        assert!(f("0912-345-678", "wang@example.tw").validate().is_ok());
        assert_eq!(
            f("02-1234-5678", "wang@example.tw").validate(),
            Err(CardError::Phone)
        );
        assert_eq!(
            f("0912345678", "wang@example").validate(),
            Err(CardError::Email)
        );
        assert_eq!(
            f("0912345678", "@example.tw").validate(),
            Err(CardError::Email)
        );
    }
}
