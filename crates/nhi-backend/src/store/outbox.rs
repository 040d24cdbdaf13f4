//! The simulated mail server's outbox.

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
}
