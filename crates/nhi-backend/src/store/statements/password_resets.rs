//! One-time links that set a forgotten password anew.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{corrupt, Engine};
use crate::store::{PasswordResets, StoreError};
use nhi_core::domain::IdNumber;

fn id_of(text: String) -> Result<IdNumber, StoreError> {
    IdNumber::parse(&text).map_err(|e| corrupt(format!("{text}: {e}")))
}

#[async_trait]
impl PasswordResets for Engine {
    async fn insert_password_reset(
        &self,
        token_hash: &[u8],
        code_hash: Option<&[u8]>,
        id: &IdNumber,
        created_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM password_resets WHERE id_number = $1 AND used_at IS NULL")
            .bind(id.as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO password_resets (token_hash, code_hash, id_number, created_at, \
             expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(code_hash)
        .bind(id.as_str())
        .bind(created_at)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn redeem_reset_code(
        &self,
        id: &IdNumber,
        code_hash: &[u8],
        new_token_hash: &[u8],
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE password_resets SET token_hash = $1, code_hash = NULL \
             WHERE id_number = $2 AND code_hash = $3 AND used_at IS NULL AND expires_at > $4",
        )
        .bind(new_token_hash)
        .bind(id.as_str())
        .bind(code_hash)
        .bind(now)
        .execute(self.writer())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn find_password_reset(
        &self,
        token_hash: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Option<IdNumber>, StoreError> {
        let id: Option<String> = sqlx::query_scalar(
            "SELECT id_number FROM password_resets \
             WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(self.reader())
        .await?;
        id.map(id_of).transpose()
    }

    async fn reset_password(
        &self,
        token_hash: &[u8],
        password_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<IdNumber>, StoreError> {
        let mut tx = self.begin_write().await?;
        // The use is the guard: of two submissions of one link, one updates the row.
        let id: Option<String> = sqlx::query_scalar(
            "UPDATE password_resets SET used_at = $2 \
             WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING id_number",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(id) = id else {
            return Ok(None);
        };
        super::lock_person(&mut tx, &id).await?;
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id_number = $2")
            .bind(password_hash)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE holder = $1 AND kind IN ('app', 'site')")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        // Whoever could reset the password must not find a quick way in left behind.
        super::quick_sign_in::remove_keys_of(&mut tx, &id).await?;
        tx.commit().await?;
        id_of(id).map(Some)
    }
}
