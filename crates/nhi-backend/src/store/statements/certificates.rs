//! The citizen certificate registry.

use async_trait::async_trait;

use super::Engine;
use crate::store::{Certificates, StoreError};
use nhi_core::domain::IdNumber;

#[async_trait]
impl Certificates for Engine {
    async fn issue_certificate(&self, serial: &str, holder: &IdNumber) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO citizen_certificates (serial, id_number) VALUES ($1, $2) \
             ON CONFLICT (serial) DO NOTHING",
        )
        .bind(serial)
        .bind(holder.as_str())
        .execute(self.writer())
        .await?;
        Ok(())
    }

    async fn certificate_valid_for(
        &self,
        serial: &str,
        holder: &IdNumber,
    ) -> Result<bool, StoreError> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT CAST(1 AS BIGINT) FROM citizen_certificates WHERE serial = $1 AND id_number = $2 AND NOT revoked",
        )
        .bind(serial)
        .bind(holder.as_str())
        .fetch_optional(self.reader())
        .await?;
        Ok(found.is_some())
    }
}
