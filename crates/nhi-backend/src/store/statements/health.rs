//! My Health Bank.

use super::EngineRow;
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::Row;

use super::{corrupt, Engine};
use crate::store::{HealthBank, HealthRecord, HealthRequest, StoreError};
use nhi_core::domain::health_bank::Category;
use nhi_core::domain::IdNumber;

fn record_from_row(r: &EngineRow) -> Result<HealthRecord, StoreError> {
    let id: String = r.try_get("id_number")?;
    let category: String = r.try_get("category")?;
    let details: String = r.try_get("details")?;
    Ok(HealthRecord {
        id: r.try_get("id")?,
        id_number: IdNumber::parse(&id).map_err(|e| corrupt(format!("{id}: {e}")))?,
        category: Category::parse(&category)
            .ok_or_else(|| corrupt(format!("category {category}")))?,
        happened: r.try_get("happened")?,
        title: r.try_get("title")?,
        summary: r.try_get("summary")?,
        details: serde_json::from_str(&details).map_err(|e| corrupt(e.to_string()))?,
    })
}

#[async_trait]
impl HealthBank for Engine {
    async fn insert_health_request(
        &self,
        id: &IdNumber,
        on: NaiveDate,
        at: DateTime<Utc>,
        ready_at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO health_requests (id_number, requested_on, requested_at, ready_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(id.as_str())
        .bind(on)
        .bind(at)
        .bind(ready_at)
        .execute(self.writer())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn latest_health_request(
        &self,
        id: &IdNumber,
    ) -> Result<Option<HealthRequest>, StoreError> {
        let row = sqlx::query(
            "SELECT requested_on, requested_at, ready_at FROM health_requests \
             WHERE id_number = $1 ORDER BY requested_on DESC LIMIT 1",
        )
        .bind(id.as_str())
        .fetch_optional(self.reader())
        .await?;
        row.map(|r| {
            Ok(HealthRequest {
                requested_on: r.try_get("requested_on")?,
                requested_at: r.try_get("requested_at")?,
                ready_at: r.try_get("ready_at")?,
            })
        })
        .transpose()
    }

    async fn insert_health_record(&self, h: &HealthRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO health_records (id_number, category, happened, title, summary, details) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(h.id_number.as_str())
        .bind(h.category.as_str())
        .bind(h.happened)
        .bind(&h.title)
        .bind(&h.summary)
        .bind(serde_json::to_string(&h.details).map_err(|e| corrupt(e.to_string()))?)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    async fn health_counts(&self, id: &IdNumber) -> Result<Vec<(Category, u32)>, StoreError> {
        let rows = sqlx::query(
            "SELECT category, COUNT(*) AS n FROM health_records WHERE id_number = $1 GROUP BY category",
        )
        .bind(id.as_str())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|r| {
                let c: String = r.try_get("category")?;
                let n: i64 = r.try_get("n")?;
                Ok((
                    Category::parse(&c).ok_or_else(|| corrupt(c.clone()))?,
                    n as u32,
                ))
            })
            .collect()
    }

    async fn health_records(
        &self,
        id: &IdNumber,
        category: Category,
        offset: u32,
        limit: u32,
    ) -> Result<Vec<HealthRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT * FROM health_records WHERE id_number = $1 AND category = $2 \
             ORDER BY happened DESC, id DESC LIMIT $3 OFFSET $4",
        )
        .bind(id.as_str())
        .bind(category.as_str())
        .bind(i64::from(limit))
        .bind(i64::from(offset))
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(record_from_row).collect()
    }

    async fn health_record(&self, record_id: i64) -> Result<Option<HealthRecord>, StoreError> {
        let row = sqlx::query("SELECT * FROM health_records WHERE id = $1")
            .bind(record_id)
            .fetch_optional(self.reader())
            .await?;
        row.map(|r| record_from_row(&r)).transpose()
    }
}
