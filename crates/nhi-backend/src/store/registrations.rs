//! Applications on the registration website, until their e-mail is confirmed.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;
use nhi_core::domain::IdNumber;

#[derive(Debug, Clone)]
pub struct Registration {
    pub id_number: IdNumber,
    pub method: String,
    pub password_hash: String,
    pub mobile: String,
    /// 聯絡電話, as typed (empty when not given).
    pub local_phone: String,
    pub email: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
}

#[async_trait]
pub trait Registrations: Send + Sync + 'static {
    async fn insert_registration(
        &self,
        confirm_token_hash: &[u8],
        registration: &Registration,
    ) -> Result<(), StoreError>;
    async fn find_registration(
        &self,
        confirm_token_hash: &[u8],
    ) -> Result<Option<Registration>, StoreError>;
    /// True only for the first confirmation.
    async fn confirm_registration(
        &self,
        confirm_token_hash: &[u8],
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// Where the ID's account mail goes: the e-mail of its contact data (confirmed when
    /// registering or when changed).
    async fn confirmed_email(&self, id: &IdNumber) -> Result<Option<String>, StoreError>;
    /// Gives the ID's newest application still waiting for confirmation at `now`, made with
    /// this e-mail address (compared without case), a new link: the old one stops working.
    /// False when there is no such application.
    async fn renew_confirmation(
        &self,
        id: &IdNumber,
        email: &str,
        new_token_hash: &[u8],
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
}
