//! Authorizations.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{lock_person, Engine};
use crate::store::{AuthorizationRecord, Authorizations, StoreError};
use nhi_core::domain::IdNumber;

const COLUMNS: &str =
    "id, grantor_id, grantee_id, starts_on, ends_on, code_hash, offer_expires_at, \
     offer_voided, redeemed_at, cancelled_at, created_at";

#[async_trait]
impl Authorizations for Engine {
    async fn insert_authorization(
        &self,
        a: &AuthorizationRecord,
        qr_hash: &[u8],
    ) -> Result<i64, StoreError> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO authorizations (grantor_id, grantee_id, starts_on, ends_on, code_hash, qr_hash, \
             offer_expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(a.grantor_id.as_str())
        .bind(a.grantee_id.as_str())
        .bind(a.starts_on)
        .bind(a.ends_on)
        .bind(&a.code_hash)
        .bind(qr_hash)
        .bind(a.offer_expires_at)
        .bind(a.created_at)
        .fetch_one(self.writer())
        .await?;
        Ok(id)
    }

    async fn offers_of(&self, grantor: &IdNumber) -> Result<Vec<AuthorizationRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM authorizations WHERE grantor_id = $1");
        Ok(sqlx::query_as::<_, AuthorizationRecord>(&sql)
            .bind(grantor.as_str())
            .fetch_all(self.reader())
            .await?)
    }

    async fn authorization_by_qr(
        &self,
        qr_hash: &[u8],
    ) -> Result<Option<AuthorizationRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM authorizations WHERE qr_hash = $1");
        Ok(sqlx::query_as::<_, AuthorizationRecord>(&sql)
            .bind(qr_hash)
            .fetch_optional(self.reader())
            .await?)
    }

    async fn find_authorization(&self, id: i64) -> Result<Option<AuthorizationRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM authorizations WHERE id = $1");
        Ok(sqlx::query_as::<_, AuthorizationRecord>(&sql)
            .bind(id)
            .fetch_optional(self.reader())
            .await?)
    }

    async fn redeem_authorization(&self, id: i64, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE authorizations SET redeemed_at = $1 WHERE id = $2 AND redeemed_at IS NULL \
             AND NOT offer_voided AND cancelled_at IS NULL AND offer_expires_at > $1",
        )
        .bind(at)
        .bind(id)
        .execute(self.writer())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn void_offer(&self, id: i64) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE authorizations SET offer_voided = TRUE WHERE id = $1 AND redeemed_at IS NULL",
        )
        .bind(id)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    /// Under the grantor's lock, which every use of the card takes: a delegate's use either
    /// commits before this cancellation or sees it.
    async fn cancel_authorization(&self, id: i64, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let grantor: Option<String> =
            sqlx::query_scalar("SELECT grantor_id FROM authorizations WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(grantor) = grantor else {
            return Ok(false);
        };
        lock_person(&mut tx, &grantor).await?;
        let done = sqlx::query(
            "UPDATE authorizations SET cancelled_at = $1 WHERE id = $2 AND cancelled_at IS NULL",
        )
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() == 1)
    }

    async fn authorizations_of(
        &self,
        person: &IdNumber,
    ) -> Result<(Vec<AuthorizationRecord>, Vec<AuthorizationRecord>), StoreError> {
        let given =
            format!("SELECT {COLUMNS} FROM authorizations WHERE grantor_id = $1 ORDER BY id DESC");
        let given = sqlx::query_as::<_, AuthorizationRecord>(&given)
            .bind(person.as_str())
            .fetch_all(self.reader())
            .await?;
        let taken = format!(
            "SELECT {COLUMNS} FROM authorizations WHERE grantee_id = $1 AND redeemed_at IS NOT NULL ORDER BY id DESC"
        );
        let taken = sqlx::query_as::<_, AuthorizationRecord>(&taken)
            .bind(person.as_str())
            .fetch_all(self.reader())
            .await?;
        Ok((given, taken))
    }

    async fn authorization_uses(
        &self,
        id: i64,
    ) -> Result<Vec<(DateTime<Utc>, String, bool)>, StoreError> {
        let rows = sqlx::query(
            "SELECT used_at, institution, video_visit FROM authorization_uses WHERE authorization_id = $1 ORDER BY used_at DESC",
        )
        .bind(id)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("used_at")?,
                    r.try_get("institution")?,
                    r.try_get("video_visit")?,
                ))
            })
            .collect()
    }
}
