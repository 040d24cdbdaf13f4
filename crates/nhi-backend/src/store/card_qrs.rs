//! Card QR tokens, institutions and visit sequence numbers.

use super::columns::{Column, OptionalColumn};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{CardAtCounter, StoreError};
use nhi_core::domain::IdNumber;

/// A used card QR code (`backend::services::card_qr_token`): codes have no row until they are used.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QrUse {
    /// The code's serial: a code is used at most once.
    pub serial: Vec<u8>,
    /// The card holder.
    #[sqlx(try_from = "Column<IdNumber>")]
    pub id_number: IdNumber,
    pub application_id: i64,
    /// The authorization a delegate's code was issued under, and that delegate.
    pub authorization_id: Option<i64>,
    #[sqlx(try_from = "OptionalColumn<IdNumber>")]
    pub delegate_id: Option<IdNumber>,
    pub used_at: DateTime<Utc>,
    pub institution: String,
    /// Allowed in the app for a video visit (`store::VideoVisits`) rather than scanned.
    #[sqlx(default)]
    pub video_visit: bool,
}

#[derive(Debug, Clone)]
pub struct InstitutionRecord {
    pub code: String,
    pub name: String,
    pub area: String,
    pub address: String,
    pub departments: Vec<String>,
    pub accepts_virtual_card: bool,
    /// The departments that take the virtual card, where not all do (acceptance "may vary from
    /// department to department within the same institution", FAQ 5); `None`: all of them.
    pub virtual_card_departments: Option<Vec<String>>,
    pub sam_key_hash: Vec<u8>,
}

impl InstitutionRecord {
    /// The departments that take the virtual card (none when the institution does not).
    pub fn accepting_departments(&self) -> Vec<String> {
        if !self.accepts_virtual_card {
            return Vec::new();
        }
        match &self.virtual_card_departments {
            Some(some) => self
                .departments
                .iter()
                .filter(|d| some.contains(d))
                .cloned()
                .collect(),
            None => self.departments.clone(),
        }
    }
}

/// What recording a code's use did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Consumed {
    /// This caller used the code and got the holder's next visit sequence number.
    Now { visit_number: u32 },
    /// The code was used before; nothing changed.
    AlreadyUsed,
    /// The holder's visit numbers for the year are used up; nothing changed.
    VisitNumbersUsedUp,
    /// Since it was checked the card stopped being usable (cancelled, voided, superseded) or
    /// the delegate's authorization ended; nothing changed.
    NoLongerUsable,
}

/// A holder's own code, to be used in one step (`CardQrs::use_own_code_at_once`).
#[derive(Debug, Clone)]
pub struct OwnCodeUse<'a> {
    pub serial: &'a [u8],
    pub application_id: i64,
    pub year: i32,
    pub used_at: DateTime<Utc>,
    pub institution: &'a str,
    pub max_visits: u32,
    /// The upload whose counter photo the caller has already (`CounterPhotoTexts`): when it
    /// is still the application's photo, the card comes back without the photo's bytes.
    pub photo_kept: Option<&'a str>,
}

#[async_trait]
pub trait CardQrs: Send + Sync + 'static {
    /// The busiest write, on a store whose every statement is a round trip to a server: a
    /// holder's own code used and the card read back with its visit number, in one
    /// statement. `None` when that did not happen — the code was used before, the card is
    /// not usable or its counter photo is still to be made, or the store has no such
    /// shortcut (SQLite, where the two steps cost no round trip) — and the caller goes the
    /// usual way (`card_at_counter`, its checks, `record_qr_use`), which says why. Nothing
    /// changes unless the use is recorded, under the same checks as `record_qr_use`.
    async fn use_own_code_at_once(
        &self,
        code: &OwnCodeUse<'_>,
    ) -> Result<Option<(CardAtCounter, u32)>, StoreError>;
    /// Records the code's use and takes the holder's next visit sequence number for the year
    /// (at most `max_visits`) in one statement — a delegate's use appears in the grantor's
    /// list with it — so either all of it happens or none. Of any number of concurrent
    /// callers with one serial exactly one gets `Now`.
    async fn record_qr_use(
        &self,
        qr_use: &QrUse,
        year: i32,
        max_visits: u32,
    ) -> Result<Consumed, StoreError>;
    /// The use of the code with this serial, if it was used.
    async fn qr_use(&self, serial: &[u8]) -> Result<Option<QrUse>, StoreError>;

    async fn insert_institution(&self, institution: &InstitutionRecord) -> Result<(), StoreError>;
    /// Which departments take the virtual card (`None`: all of them).
    async fn set_virtual_card_departments(
        &self,
        code: &str,
        departments: Option<&[&str]>,
    ) -> Result<(), StoreError>;
    async fn insert_professional(
        &self,
        hpc_id: &str,
        institution_code: &str,
        name: &str,
        pin_hash: &[u8],
    ) -> Result<(), StoreError>;
    async fn find_institution(&self, code: &str) -> Result<Option<InstitutionRecord>, StoreError>;
    /// (institution code, PIN hash) of a professional card.
    async fn find_professional(
        &self,
        hpc_id: &str,
    ) -> Result<Option<(String, Vec<u8>)>, StoreError>;
    async fn institutions(&self) -> Result<Vec<InstitutionRecord>, StoreError>;
}
