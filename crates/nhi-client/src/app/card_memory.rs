//! The card as it was last shown in this session, so coming back to the card screen shows
//! the card face at once (and its QR can be asked for at once) while the card is read again,
//! and the approved photo — which cannot change while the card stands — is fetched once.
//!
//! Held in memory only, for the session that read it: another session (a sign-in again,
//! another person) finds nothing, and signing out forgets it.

use std::sync::Mutex;

use nhi_core::api::CardView;

/// The card face's parts as the card screen shows them: the card and its photo (a data URL).
pub type ShownCard = (CardView, Option<String>);

#[derive(Default)]
pub struct CardMemory {
    last: Mutex<Option<Remembered>>,
}

struct Remembered {
    session_token: String,
    shown: ShownCard,
}

impl CardMemory {
    /// What was shown last in this session, if anything.
    pub fn recall(&self, session_token: &str) -> Option<ShownCard> {
        let last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        last.as_ref()
            .filter(|r| r.session_token == session_token)
            .map(|r| r.shown.clone())
    }

    /// The photo already fetched for this very application, if any: an approved card's photo
    /// is fixed (changing it means cancelling and applying again, a new application).
    pub fn photo_for(&self, session_token: &str, view: &CardView) -> Option<String> {
        let (before, photo) = self.recall(session_token)?;
        let same_application = before.application.as_ref().map(|a| a.number)
            == view.application.as_ref().map(|a| a.number);
        (same_application && before.state == view.state)
            .then_some(photo)
            .flatten()
    }

    pub fn keep(&self, session_token: &str, shown: ShownCard) {
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) = Some(Remembered {
            session_token: session_token.to_owned(),
            shown,
        });
    }

    pub fn forget(&self) {
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, NaiveDate};
    use nhi_core::api::{ApplicationView, CardState, Person};
    use nhi_core::domain::card_application::{Channel, DocumentKind};
    use nhi_core::domain::{IdKind, IdNumber};

    fn approved(number: i64) -> CardView {
        CardView {
            state: CardState::Approved,
            person: Person {
                id_number: IdNumber::parse("A123456789").unwrap(),
                id_kind: IdKind::National,
                name: "王小明".into(),
                birth_date: NaiveDate::from_ymd_opt(1981, 1, 1).unwrap(),
            },
            required_document: DocumentKind::NationalIdCard,
            application: Some(ApplicationView {
                number,
                submitted_at: DateTime::UNIX_EPOCH,
                decided_at: Some(DateTime::UNIX_EPOCH),
                reject_reason: None,
                reject_note: None,
                contact_phone: "0912345678".into(),
                email: "wang@example.tw".into(),
                channel: Channel::App,
                applied_by: None,
                photo_version: Some(format!("photo-{number}")),
            }),
        }
    }

    #[test]
    fn a_session_finds_only_what_it_showed() {
        let memory = CardMemory::default();
        memory.keep("session-1", (approved(7), Some("data:photo".into())));
        assert_eq!(memory.recall("session-1").unwrap().0, approved(7));
        assert!(memory.recall("session-2").is_none(), "another session");
        memory.forget();
        assert!(memory.recall("session-1").is_none(), "signed out");
    }

    #[test]
    fn the_photo_is_kept_for_the_same_approved_application_only() {
        let memory = CardMemory::default();
        memory.keep("s", (approved(7), Some("data:photo".into())));
        assert_eq!(
            memory.photo_for("s", &approved(7)).as_deref(),
            Some("data:photo")
        );
        assert!(
            memory.photo_for("s", &approved(8)).is_none(),
            "a new application"
        );
        assert!(memory.photo_for("other", &approved(7)).is_none());
        let mut cancelled = approved(7);
        cancelled.state = CardState::None;
        assert!(memory.photo_for("s", &cancelled).is_none());
    }
}
