//! The counter photo as the verification answer carries it (base64), kept once made.
//!
//! A counter photo never changes once made (it belongs to one approved application's photo;
//! a new photo is a new application and a new upload), so its base64 text can be kept and
//! every later verification of that card skips encoding its 15 kB again (4 % of the
//! backend's time at 64 concurrent round trips, perf). Keyed by the photo's upload id; at
//! most `MAX_ENTRIES` kept (about 20 kB each), then the kept ones are dropped and made
//! again as cards are verified. Nothing here is a secret beyond what the answer carries.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

/// Photos kept at most: about 20 MB.
const MAX_ENTRIES: usize = 1024;

#[derive(Default)]
pub struct CounterPhotoTexts {
    kept: Mutex<HashMap<String, Arc<str>>>,
}

impl CounterPhotoTexts {
    /// The base64 text of `jpeg`, the counter photo of upload `upload_id`.
    pub fn of(&self, upload_id: &str, jpeg: &[u8]) -> Arc<str> {
        if let Some(text) = self.lock().get(upload_id) {
            return text.clone();
        }
        let text: Arc<str> = STANDARD.encode(jpeg).into();
        let mut kept = self.lock();
        if kept.len() >= MAX_ENTRIES {
            kept.clear();
        }
        kept.insert(upload_id.to_owned(), text.clone());
        text
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<str>>> {
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
    fn memory_stays_bounded() {
        let texts = CounterPhotoTexts::default();
        for n in 0..MAX_ENTRIES * 3 {
            texts.of(&format!("upload-{n}"), b"jpeg");
            assert!(texts.lock().len() <= MAX_ENTRIES);
        }
    }
}
