//! Card QR tokens, institutions and visit sequence numbers.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;
use crate::domain::IdNumber;

#[derive(Debug, Clone)]
pub struct QrToken {
    pub qr_id: String,
    pub id_number: IdNumber,
    pub application_id: i64,
    pub delegate_id: Option<String>,
    /// The authorization a delegate's code was issued under.
    pub authorization_id: Option<i64>,
    pub issued_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub used_by: Option<String>,
}

#[derive(Debug, Clone)]
pub struct InstitutionRecord {
    pub code: String,
    pub name: String,
    pub area: String,
    pub address: String,
    pub departments: Vec<String>,
    pub accepts_virtual_card: bool,
    pub sam_key_hash: Vec<u8>,
}

/// What a verification's one transaction did.
#[derive(Debug, Clone)]
pub enum Consumed {
    /// This caller consumed the token and got the visit sequence number.
    Now {
        token: QrToken,
        visit_number: u32,
    },
    NotFound,
    AlreadyUsed(QrToken),
    Expired(QrToken),
    /// The person's visit numbers for the year are used up; nothing changed.
    VisitNumbersUsedUp,
}

#[async_trait]
pub trait CardQrs: Send + Sync + 'static {
    async fn insert_qr_token(&self, token_hash: &[u8], token: &QrToken) -> Result<(), StoreError>;
    async fn qr_token_by_id(&self, qr_id: &str) -> Result<Option<QrToken>, StoreError>;
    async fn qr_token_by_hash(&self, token_hash: &[u8]) -> Result<Option<QrToken>, StoreError>;
    /// Completes a verification in one immediate transaction — consumes the token, takes
    /// the person's next visit sequence number for the year (at most `max_visits`), records
    /// a delegate's use — so either all of it happens or none: a failure leaves the QR
    /// unused. Of any number of concurrent callers exactly one gets `Now`.
    async fn complete_verification(
        &self,
        token_hash: &[u8],
        institution: &str,
        now: DateTime<Utc>,
        year: i32,
        max_visits: u32,
    ) -> Result<Consumed, StoreError>;

    async fn insert_institution(&self, institution: &InstitutionRecord) -> Result<(), StoreError>;
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

    /// The counter page's session: which institution and professional card passed the
    /// three-card check.
    async fn insert_counter_session(
        &self,
        token_hash: &[u8],
        institution_code: &str,
        hpc_id: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// (institution code, professional card) while the session is valid at `now`.
    async fn counter_session(
        &self,
        token_hash: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Option<(String, String)>, StoreError>;
    async fn delete_counter_session(&self, token_hash: &[u8]) -> Result<(), StoreError>;
}
