//! The counter photo as the verification answer carries it (base64), kept once made.
//!
//! A counter photo never changes once made (it belongs to one approved application's photo;
//! a new photo is a new application and a new upload), so its base64 text can be kept and
//! every later verification of that card skips encoding its 15 kB again (4 % of the
//! backend's time at 64 concurrent round trips, perf). Keyed by the photo's upload id; at
//! most `MAX_ENTRIES` kept (about 20 kB each), then the kept ones are dropped and made
//! again as cards are verified. Nothing here is a secret beyond what the answer carries.
//!
//! It also remembers which upload each verified application's photo was, so that on a
//! store whose every statement is a round trip to a server the use statement can leave the
//! photo out when the backend has it already (`known_for`): the store compares the
//! remembered upload with the application's own, so a stale guess only costs the bytes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

/// Photos kept at most: about 20 MB.
const MAX_ENTRIES: usize = 1024;

#[derive(Default)]
pub struct CounterPhotoTexts {
    kept: Mutex<Kept>,
}

#[derive(Default)]
struct Kept {
    /// The base64 text by upload id.
    texts: HashMap<String, Arc<str>>,
    /// The upload of each application whose photo's text is kept.
    uploads: HashMap<i64, String>,
}

impl CounterPhotoTexts {
    /// The base64 text of `jpeg`, the counter photo of upload `upload_id`.
    pub fn of(&self, upload_id: &str, jpeg: &[u8]) -> Arc<str> {
        if let Some(text) = self.lock().texts.get(upload_id) {
            return text.clone();
        }
        let text: Arc<str> = STANDARD.encode(jpeg).into();
        let mut kept = self.lock();
        if kept.texts.len() >= MAX_ENTRIES {
            kept.texts.clear();
            kept.uploads.clear();
        }
        kept.texts.insert(upload_id.to_owned(), text.clone());
        text
    }

    /// Remembers that application `application_id`'s photo is upload `upload_id`, once its
    /// text is kept (`of`).
    pub fn remember(&self, application_id: i64, upload_id: &str) {
        let mut kept = self.lock();
        if kept.texts.contains_key(upload_id) && kept.uploads.len() < MAX_ENTRIES {
            kept.uploads.insert(application_id, upload_id.to_owned());
        }
    }

    /// The kept text of upload `upload_id`'s counter photo, if it is kept.
    pub fn kept(&self, upload_id: &str) -> Option<Arc<str>> {
        self.lock().texts.get(upload_id).cloned()
    }

    /// The upload of application `application_id`'s photo as last seen, when its text is
    /// kept: a guess the store checks against the application.
    pub fn known_upload(&self, application_id: i64) -> Option<String> {
        let kept = self.lock();
        let upload = kept.uploads.get(&application_id)?;
        kept.texts.contains_key(upload).then(|| upload.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Kept> {
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_is_the_photos_and_is_kept_by_upload() {
        let texts = CounterPhotoTexts::default();
        let first = texts.of("upload-1", b"\xff\xd8photo one");
        assert_eq!(&*first, STANDARD.encode(b"\xff\xd8photo one"));
        assert!(Arc::ptr_eq(&first, &texts.of("upload-1", b"ignored")));
        assert_eq!(&*texts.of("upload-2", b"two"), STANDARD.encode(b"two"));
    }

    #[test]
    fn an_applications_upload_is_known_only_once_its_text_is_kept() {
        let texts = CounterPhotoTexts::default();
        texts.remember(7, "upload-7");
        assert!(texts.known_upload(7).is_none());
        let text = texts.of("upload-7", b"seven");
        texts.remember(7, "upload-7");
        assert_eq!(texts.known_upload(7).as_deref(), Some("upload-7"));
        assert!(Arc::ptr_eq(&text, &texts.kept("upload-7").expect("kept")));
        assert!(texts.known_upload(8).is_none());
    }

    #[test]
    fn memory_stays_bounded() {
        let texts = CounterPhotoTexts::default();
        for n in 0..MAX_ENTRIES * 3 {
            texts.of(&format!("upload-{n}"), b"jpeg");
            texts.remember(n as i64, &format!("upload-{n}"));
            let kept = texts.lock();
            assert!(kept.texts.len() <= MAX_ENTRIES && kept.uploads.len() <= MAX_ENTRIES);
        }
    }
}
