//! What persons agreed to.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::Engine;
use crate::store::{Consents, StoreError};
use nhi_core::domain::consent::ConsentDocument;
use nhi_core::domain::IdNumber;

#[async_trait]
impl Consents for Engine {
    async fn record_consent(
        &self,
        id: &IdNumber,
        document: ConsentDocument,
        version: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO consents (id_number, document, version, agreed_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (id_number, document, version) DO NOTHING",
        )
        .bind(id.as_str())
        .bind(document.as_str())
        .bind(version)
        .bind(at)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    async fn consented_at(
        &self,
        id: &IdNumber,
        document: ConsentDocument,
        version: &str,
    ) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT agreed_at FROM consents \
             WHERE id_number = $1 AND document = $2 AND version = $3",
        )
        .bind(id.as_str())
        .bind(document.as_str())
        .bind(version)
        .fetch_optional(self.reader())
        .await?)
    }
}
