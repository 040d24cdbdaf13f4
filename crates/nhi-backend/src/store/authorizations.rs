//! Authorizations to use someone's card, their one-time offers, and their use records.

use super::columns::Column;
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::StoreError;
use nhi_core::domain::IdNumber;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuthorizationRecord {
    pub id: i64,
    #[sqlx(try_from = "Column<IdNumber>")]
    pub grantor_id: IdNumber,
    #[sqlx(try_from = "Column<IdNumber>")]
    pub grantee_id: IdNumber,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub code_hash: Vec<u8>,
    pub offer_expires_at: DateTime<Utc>,
    pub offer_voided: bool,
    pub redeemed_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[async_trait]
pub trait Authorizations: Send + Sync + 'static {
    async fn insert_authorization(
        &self,
        record: &AuthorizationRecord,
        qr_hash: &[u8],
    ) -> Result<i64, StoreError>;
    /// Every authorization the grantor has offered.
    async fn offers_of(&self, grantor: &IdNumber) -> Result<Vec<AuthorizationRecord>, StoreError>;
    async fn authorization_by_qr(
        &self,
        qr_hash: &[u8],
    ) -> Result<Option<AuthorizationRecord>, StoreError>;
    async fn find_authorization(&self, id: i64) -> Result<Option<AuthorizationRecord>, StoreError>;
    /// Redeems an open offer; true only for the one caller that did.
    async fn redeem_authorization(&self, id: i64, at: DateTime<Utc>) -> Result<bool, StoreError>;
    async fn void_offer(&self, id: i64) -> Result<(), StoreError>;
    async fn cancel_authorization(&self, id: i64, at: DateTime<Utc>) -> Result<bool, StoreError>;
    /// (given by the person, given to the person), newest first.
    async fn authorizations_of(
        &self,
        person: &IdNumber,
    ) -> Result<(Vec<AuthorizationRecord>, Vec<AuthorizationRecord>), StoreError>;
    /// (when, where, whether allowed for a video visit), newest first.
    async fn authorization_uses(
        &self,
        id: i64,
    ) -> Result<Vec<(DateTime<Utc>, String, bool)>, StoreError>;
}
