//! What persons agreed to, which version and when first.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;
use nhi_core::domain::consent::ConsentDocument;
use nhi_core::domain::IdNumber;

#[async_trait]
pub trait Consents: Send + Sync + 'static {
    /// Records the agreement; agreeing again to the same version keeps the first time.
    async fn record_consent(
        &self,
        id: &IdNumber,
        document: ConsentDocument,
        version: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// When the ID first agreed to this version of the document.
    async fn consented_at(
        &self,
        id: &IdNumber,
        document: ConsentDocument,
        version: &str,
    ) -> Result<Option<DateTime<Utc>>, StoreError>;
}
