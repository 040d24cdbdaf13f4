//! The simulated mail server's outbox, and the simulated carriers' SMS outbox.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

#[async_trait]
pub trait Outbox: Send + Sync + 'static {
    async fn send_mail(
        &self,
        recipient: &str,
        subject: &str,
        body: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// Newest first.
    async fn mails(&self, limit: u32) -> Result<Vec<Mail>, StoreError>;
    async fn send_sms(&self, mobile: &str, body: &str, at: DateTime<Utc>)
        -> Result<(), StoreError>;
    /// Newest first.
    async fn sms_messages(&self, limit: u32) -> Result<Vec<Sms>, StoreError>;
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sms {
    pub mobile: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}
