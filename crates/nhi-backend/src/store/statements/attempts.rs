//! Attempt counters.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::Engine;
use crate::store::{Attempts, StoreError};

/// Whether the row's count has run out: its lock has ended, or (unlocked) its window has.
/// (Qualified: inside ON CONFLICT DO UPDATE a bare column could be the proposed row's.)
const STALE: &str = "((c.locked_until IS NOT NULL AND c.locked_until <= $2) \
     OR (c.locked_until IS NULL AND c.window_start <= $3))";

#[async_trait]
impl Attempts for Engine {
    async fn reserve_attempt(
        &self,
        subject: &str,
        now: DateTime<Utc>,
        window_cutoff: DateTime<Utc>,
        max: u32,
    ) -> Result<Option<u32>, StoreError> {
        // One statement: the upsert's WHERE leaves a full or locked row alone, and then
        // RETURNING yields no row, which is the refusal. No read-then-write race.
        let sql = format!(
            "INSERT INTO attempt_counters AS c (subject, failures, window_start, locked_until) \
             VALUES ($1, 1, $2, NULL) \
             ON CONFLICT (subject) DO UPDATE SET \
             failures = CASE WHEN {STALE} THEN 1 ELSE c.failures + 1 END, \
             window_start = CASE WHEN {STALE} THEN $2 ELSE c.window_start END, \
             locked_until = NULL \
             WHERE {STALE} OR (c.locked_until IS NULL AND c.failures < $4) \
             RETURNING failures"
        );
        let ordinal: Option<i64> = sqlx::query_scalar(&sql)
            .bind(subject)
            .bind(now)
            .bind(window_cutoff)
            .bind(i64::from(max))
            .fetch_optional(self.writer())
            .await?;
        Ok(ordinal.map(|n| n as u32))
    }

    async fn locked_until(&self, subject: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        let until: Option<Option<DateTime<Utc>>> =
            sqlx::query_scalar("SELECT locked_until FROM attempt_counters WHERE subject = $1")
                .bind(subject)
                .fetch_optional(self.reader())
                .await?;
        Ok(until.flatten())
    }

    async fn lock_subject(&self, subject: &str, until: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("UPDATE attempt_counters SET locked_until = $1 WHERE subject = $2")
            .bind(until)
            .bind(subject)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    async fn clear_attempts(&self, subject: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM attempt_counters WHERE subject = $1")
            .bind(subject)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    async fn clear_attempts_after(
        &self,
        subject: &str,
        ordinal: u32,
        max: u32,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "DELETE FROM attempt_counters WHERE subject = $1 AND failures = $2 AND failures < $3 \
             AND locked_until IS NULL",
        )
        .bind(subject)
        .bind(i64::from(ordinal))
        .bind(i64::from(max))
        .execute(self.writer())
        .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn sweep_attempts(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "DELETE FROM attempt_counters WHERE subject NOT LIKE 'hpc-pin:%' \
             AND window_start < $1 AND (locked_until IS NULL OR locked_until < $1)",
        )
        .bind(before)
        .execute(self.writer())
        .await?;
        Ok(done.rows_affected())
    }

    async fn refund_attempt(&self, subject: &str) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE attempt_counters SET failures = failures - 1 \
             WHERE subject = $1 AND failures > 0 AND locked_until IS NULL",
        )
        .bind(subject)
        .execute(self.writer())
        .await?;
        Ok(())
    }
}
