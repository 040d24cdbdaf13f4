//! Website registrations.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{corrupt, Engine};
use crate::store::{Registration, Registrations, StoreError};
use nhi_core::domain::IdNumber;

#[async_trait]
impl Registrations for Engine {
    async fn insert_registration(
        &self,
        token_hash: &[u8],
        r: &Registration,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO registration_applications (confirm_token_hash, id_number, method, \
             password_hash, mobile, email, created_at, expires_at, local_phone) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(token_hash)
        .bind(r.id_number.as_str())
        .bind(&r.method)
        .bind(&r.password_hash)
        .bind(&r.mobile)
        .bind(&r.email)
        .bind(r.created_at)
        .bind(r.expires_at)
        .bind(&r.local_phone)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    async fn find_registration(
        &self,
        token_hash: &[u8],
    ) -> Result<Option<Registration>, StoreError> {
        let row = sqlx::query(
            "SELECT id_number, method, password_hash, mobile, local_phone, email, created_at, \
             expires_at, confirmed_at FROM registration_applications WHERE confirm_token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(self.reader())
        .await?;
        row.map(|r| {
            let id: String = r.try_get("id_number")?;
            Ok(Registration {
                id_number: IdNumber::parse(&id).map_err(|e| corrupt(format!("{id}: {e}")))?,
                method: r.try_get("method")?,
                password_hash: r.try_get("password_hash")?,
                mobile: r.try_get("mobile")?,
                local_phone: r.try_get("local_phone")?,
                email: r.try_get("email")?,
                created_at: r.try_get("created_at")?,
                expires_at: r.try_get("expires_at")?,
                confirmed_at: r.try_get("confirmed_at")?,
            })
        })
        .transpose()
    }

    async fn confirm_registration(
        &self,
        token_hash: &[u8],
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE registration_applications SET confirmed_at = $1 \
             WHERE confirm_token_hash = $2 AND confirmed_at IS NULL",
        )
        .bind(at)
        .bind(token_hash)
        .execute(self.writer())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn confirmed_email(&self, id: &IdNumber) -> Result<Option<String>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT email FROM account_contacts WHERE id_number = $1")
                .bind(id.as_str())
                .fetch_optional(self.reader())
                .await?,
        )
    }

    async fn renew_confirmation(
        &self,
        id: &IdNumber,
        email: &str,
        new_token_hash: &[u8],
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE registration_applications SET confirm_token_hash = $1 \
             WHERE confirm_token_hash = (SELECT confirm_token_hash FROM registration_applications \
                 WHERE id_number = $2 AND LOWER(email) = LOWER($3) AND confirmed_at IS NULL \
                 AND expires_at > $4 ORDER BY created_at DESC LIMIT 1)",
        )
        .bind(new_token_hash)
        .bind(id.as_str())
        .bind(email.trim())
        .bind(now)
        .execute(self.writer())
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
