//! The citizen certificate registry in SQLite.

use async_trait::async_trait;

use super::SqliteStore;
use crate::backend::store::{Certificates, StoreError};
use crate::domain::IdNumber;

#[async_trait]
impl Certificates for SqliteStore {
    async fn issue_certificate(&self, serial: &str, holder: &IdNumber) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO citizen_certificates (serial, id_number) VALUES (?, ?) \
             ON CONFLICT (serial) DO NOTHING",
        )
        .bind(serial)
        .bind(holder.as_str())
        .execute(&self.write)
        .await?;
        Ok(())
    }

    async fn certificate_valid_for(
        &self,
        serial: &str,
        holder: &IdNumber,
    ) -> Result<bool, StoreError> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM citizen_certificates WHERE serial = ? AND id_number = ? AND revoked = 0",
        )
        .bind(serial)
        .bind(holder.as_str())
        .fetch_optional(&self.read)
        .await?;
        Ok(found.is_some())
    }
}
