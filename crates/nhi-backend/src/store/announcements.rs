//! 重要資訊: the NHIA's announcements shown above the home screen's services, published in
//! the reviewer console.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;

/// An announcement as kept.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnnouncementRecord {
    pub id: i64,
    pub title: String,
    pub body: String,
    /// The language it is written in (`Lang::code`).
    pub lang: String,
    pub published_at: DateTime<Utc>,
    /// The staff account that published it.
    pub published_by: String,
}

#[async_trait]
pub trait Announcements: Send + Sync + 'static {
    async fn publish_announcement(
        &self,
        title: &str,
        body: &str,
        lang: &str,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<i64, StoreError>;
    /// The newest `limit` announcements, newest first.
    async fn latest_announcements(&self, limit: i64)
        -> Result<Vec<AnnouncementRecord>, StoreError>;
    /// Takes one down; false when there was none with this id.
    async fn withdraw_announcement(&self, id: i64) -> Result<bool, StoreError>;
}
