//! An account's contact data (帳號資料) and the history of its changes.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;
use nhi_core::domain::IdNumber;

/// Where an account's mail goes, and its phones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub email: String,
    pub mobile: String,
    pub local_phone: String,
}

/// A field of [`Contact`] that changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactField {
    Email,
    Mobile,
    LocalPhone,
}

impl ContactField {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Mobile => "mobile",
            Self::LocalPhone => "local_phone",
        }
    }
}

/// One change, as kept.
#[derive(Debug, Clone)]
pub struct ContactChange {
    pub field: String,
    pub old_value: String,
    pub new_value: String,
    pub requested_at: DateTime<Utc>,
    /// `None` while a new e-mail waits for its link (or never confirmed it).
    pub effective_at: Option<DateTime<Utc>>,
}

/// A new e-mail address that confirmed its link.
#[derive(Debug, Clone)]
pub struct EmailChanged {
    pub id_number: IdNumber,
    pub old_email: String,
    pub new_email: String,
}

#[async_trait]
pub trait Contacts: Send + Sync + 'static {
    async fn contact_of(&self, id: &IdNumber) -> Result<Option<Contact>, StoreError>;
    /// The contact data of a registration just confirmed (replacing any before).
    async fn set_contact(&self, id: &IdNumber, contact: &Contact) -> Result<(), StoreError>;
    /// Changes the mobile or the local phone at once, keeping the change. False when the
    /// account has no contact data.
    async fn change_contact(
        &self,
        id: &IdNumber,
        field: ContactField,
        new_value: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// Keeps a new e-mail address waiting for its link; the ID's earlier waiting ones die.
    async fn request_email_change(
        &self,
        id: &IdNumber,
        new_email: &str,
        token_hash: &[u8],
        at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// In one transaction: the link's change takes effect (once, while unexpired at `now`).
    async fn confirm_email_change(
        &self,
        token_hash: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Option<EmailChanged>, StoreError>;
    /// The ID's changes, newest first.
    async fn contact_history(&self, id: &IdNumber) -> Result<Vec<ContactChange>, StoreError>;
}
