//! A clinic's HIS presents its three cards with every request, as its card readers do. The
//! full check costs the store two reads and four writes (the attempt limiter reserves and
//! settles a try for the SAM card and for the professional card), and a busy counter sends
//! the same right cards many times a minute. So cards that just passed are remembered for a
//! short while and pass again without the store.
//!
//! Only right cards can be remembered: an entry is keyed by the institution code and
//! professional card with the keyed hashes of the SAM key and PIN (never the secrets), so a
//! wrong key or PIN misses and goes through the attempt limiter as before. A failed try on a
//! professional card or institution forgets its entries at once. (Another backend instance
//! sharing the store forgets them when they age out, `REMEMBER_FOR`.)

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

use crate::store::InstitutionRecord;

/// How long cards that passed pass again without the store.
pub const REMEMBER_FOR: Duration = Duration::seconds(30);
/// Entries kept at most: a bound on memory whatever the callers send.
const MAX_ENTRIES: usize = 4096;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PresentedCards {
    pub institution_code: String,
    pub sam_key_hash: Vec<u8>,
    pub hpc_id: String,
    pub pin_hash: Vec<u8>,
}

#[derive(Default)]
pub struct RecentClinicCards {
    entries: Mutex<HashMap<PresentedCards, (InstitutionRecord, DateTime<Utc>)>>,
}

impl RecentClinicCards {
    /// The institution, if these cards passed within `REMEMBER_FOR` of `now`.
    pub fn get(&self, cards: &PresentedCards, now: DateTime<Utc>) -> Option<InstitutionRecord> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(cards)
            .filter(|(_, passed)| now - *passed < REMEMBER_FOR && *passed <= now)
            .map(|(institution, _)| institution.clone())
    }

    pub fn remember(
        &self,
        cards: PresentedCards,
        institution: InstitutionRecord,
        now: DateTime<Utc>,
    ) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, (_, passed)| now - *passed < REMEMBER_FOR);
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
        }
        entries.insert(cards, (institution, now));
    }

    /// After a wrong SAM key: the institution's cards are checked in full next time.
    pub fn forget_institution(&self, institution_code: &str) {
        self.forget(|cards| cards.institution_code == institution_code);
    }

    /// After a wrong PIN (which may have blocked the card): checked in full next time.
    pub fn forget_professional(&self, hpc_id: &str) {
        self.forget(|cards| cards.hpc_id == hpc_id);
    }

    fn forget(&self, matching: impl Fn(&PresentedCards) -> bool) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.retain(|cards, _| !matching(cards));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cards(pin: &[u8]) -> PresentedCards {
        PresentedCards {
            institution_code: "3501200000".into(),
            sam_key_hash: vec![1; 32],
            hpc_id: "HPC-DR-0002".into(),
            pin_hash: pin.to_vec(),
        }
    }

    fn institution() -> InstitutionRecord {
        InstitutionRecord {
            code: "3501200000".into(),
            name: "clinic".into(),
            area: String::new(),
            address: String::new(),
            departments: Vec::new(),
            virtual_card_departments: None,
            accepts_virtual_card: true,
            sam_key_hash: vec![1; 32],
        }
    }

    #[test]
    fn only_the_same_cards_pass_and_only_for_a_while() {
        let recent = RecentClinicCards::default();
        let now = Utc::now();
        recent.remember(cards(b"right"), institution(), now);
        assert!(recent.get(&cards(b"right"), now).is_some());
        assert!(recent.get(&cards(b"wrong"), now).is_none());
        assert!(recent.get(&cards(b"right"), now + REMEMBER_FOR).is_none());
        assert!(recent
            .get(&cards(b"right"), now - Duration::seconds(1))
            .is_none());
    }

    #[test]
    fn a_wrong_try_forgets_the_card() {
        let recent = RecentClinicCards::default();
        let now = Utc::now();
        recent.remember(cards(b"right"), institution(), now);
        recent.forget_professional("HPC-DR-0009");
        assert!(recent.get(&cards(b"right"), now).is_some(), "another card");
        recent.forget_professional("HPC-DR-0002");
        assert!(recent.get(&cards(b"right"), now).is_none());
        recent.remember(cards(b"right"), institution(), now);
        recent.forget_institution("3501200000");
        assert!(recent.get(&cards(b"right"), now).is_none());
    }

    #[test]
    fn memory_stays_bounded() {
        let recent = RecentClinicCards::default();
        let now = Utc::now();
        for i in 0..(MAX_ENTRIES * 2) {
            recent.remember(cards(&i.to_be_bytes()), institution(), now);
        }
        assert!(recent.entries.lock().unwrap().len() <= MAX_ENTRIES);
    }
}
