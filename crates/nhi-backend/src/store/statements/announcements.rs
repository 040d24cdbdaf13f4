//! 重要資訊.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::Engine;
use crate::store::{AnnouncementRecord, Announcements, StoreError};

#[async_trait]
impl Announcements for Engine {
    async fn publish_announcement(
        &self,
        title: &str,
        body: &str,
        lang: &str,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "INSERT INTO announcements (title, body, lang, published_at, published_by) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(title)
        .bind(body)
        .bind(lang)
        .bind(at)
        .bind(by)
        .fetch_one(self.writer())
        .await?)
    }

    async fn latest_announcements(
        &self,
        limit: i64,
    ) -> Result<Vec<AnnouncementRecord>, StoreError> {
        Ok(sqlx::query_as::<_, AnnouncementRecord>(
            "SELECT id, title, body, lang, published_at, published_by FROM announcements \
             ORDER BY published_at DESC, id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(self.reader())
        .await?)
    }

    async fn withdraw_announcement(&self, id: i64) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM announcements WHERE id = $1")
            .bind(id)
            .execute(self.writer())
            .await?;
        Ok(done.rows_affected() > 0)
    }
}
