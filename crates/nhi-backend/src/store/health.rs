//! My Health Bank: data requests and the records they assemble.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::StoreError;
use nhi_core::domain::health_bank::{Category, Field};
use nhi_core::domain::IdNumber;

#[derive(Debug, Clone)]
pub struct HealthRequest {
    pub requested_on: NaiveDate,
    pub requested_at: DateTime<Utc>,
    pub ready_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct HealthRecord {
    pub id: i64,
    pub id_number: IdNumber,
    pub category: Category,
    pub happened: NaiveDate,
    pub title: String,
    pub summary: String,
    /// (what the line is, value) lines.
    pub details: Vec<(Field, String)>,
}

#[async_trait]
pub trait HealthBank: Send + Sync + 'static {
    /// Files today's request; false if the person already has one for `on`.
    async fn insert_health_request(
        &self,
        id: &IdNumber,
        on: NaiveDate,
        at: DateTime<Utc>,
        ready_at: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    async fn latest_health_request(
        &self,
        id: &IdNumber,
    ) -> Result<Option<HealthRequest>, StoreError>;
    async fn insert_health_record(&self, record: &HealthRecord) -> Result<(), StoreError>;
    async fn health_counts(&self, id: &IdNumber) -> Result<Vec<(Category, u32)>, StoreError>;
    /// One page of a category, newest first.
    async fn health_records(
        &self,
        id: &IdNumber,
        category: Category,
        offset: u32,
        limit: u32,
    ) -> Result<Vec<HealthRecord>, StoreError>;
    async fn health_record(&self, record_id: i64) -> Result<Option<HealthRecord>, StoreError>;
}
