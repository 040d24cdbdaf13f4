//! Attempt counters in SQLite.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::SqliteStore;
use crate::backend::store::{Attempts, StoreError};

#[async_trait]
impl Attempts for SqliteStore {
    async fn locked_until(&self, subject: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        let until: Option<Option<DateTime<Utc>>> =
            sqlx::query_scalar("SELECT locked_until FROM attempt_counters WHERE subject = ?")
                .bind(subject)
                .fetch_optional(&self.pool)
                .await?;
        Ok(until.flatten())
    }

    async fn record_attempt_failure(
        &self,
        subject: &str,
        now: DateTime<Utc>,
        window_cutoff: DateTime<Utc>,
    ) -> Result<u32, StoreError> {
        let failures: i64 = sqlx::query_scalar(
            "INSERT INTO attempt_counters (subject, failures, window_start) VALUES (?1, 1, ?2) \
             ON CONFLICT (subject) DO UPDATE SET \
             failures = CASE WHEN window_start <= ?3 THEN 1 ELSE failures + 1 END, \
             window_start = CASE WHEN window_start <= ?3 THEN ?2 ELSE window_start END \
             RETURNING failures",
        )
        .bind(subject)
        .bind(now)
        .bind(window_cutoff)
        .fetch_one(&self.pool)
        .await?;
        Ok(failures as u32)
    }

    async fn lock_subject(&self, subject: &str, until: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("UPDATE attempt_counters SET failures = 0, locked_until = ? WHERE subject = ?")
            .bind(until)
            .bind(subject)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn clear_attempts(&self, subject: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM attempt_counters WHERE subject = ?")
            .bind(subject)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
