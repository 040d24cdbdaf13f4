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

/// What a consumption attempt found.
#[derive(Debug, Clone)]
pub enum Consumed {
    /// This caller consumed it.
    Now(QrToken),
    NotFound,
    AlreadyUsed(QrToken),
    Expired(QrToken),
}

#[async_trait]
pub trait CardQrs: Send + Sync + 'static {
    async fn insert_qr_token(&self, token_hash: &[u8], token: &QrToken) -> Result<(), StoreError>;
    async fn qr_token_by_id(&self, qr_id: &str) -> Result<Option<QrToken>, StoreError>;
    /// Consumes the token in one atomic step: of any number of concurrent callers exactly
    /// one gets `Now`.
    async fn consume_qr_token(
        &self,
        token_hash: &[u8],
        institution: &str,
        now: DateTime<Utc>,
    ) -> Result<Consumed, StoreError>;
    /// The next visit sequence number of the person for the year (1, 2, …).
    async fn next_visit_number(&self, id: &IdNumber, year: i32) -> Result<u32, StoreError>;

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
}
