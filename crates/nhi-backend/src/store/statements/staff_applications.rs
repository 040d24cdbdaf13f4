//! The home-care plan, its cases, and consent forms.

use async_trait::async_trait;
use sqlx::Row;

use super::{corrupt, Engine};
use crate::store::{ConsentForm, StaffApplications, StoreError};
use nhi_core::domain::IdNumber;

#[async_trait]
impl StaffApplications for Engine {
    async fn set_home_care_plan(&self, code: &str, in_plan: bool) -> Result<(), StoreError> {
        sqlx::query("UPDATE institutions SET home_care_plan = $1 WHERE code = $2")
            .bind(in_plan)
            .bind(code)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    async fn in_home_care_plan(&self, code: &str) -> Result<bool, StoreError> {
        let in_plan: Option<bool> =
            sqlx::query_scalar("SELECT home_care_plan FROM institutions WHERE code = $1")
                .bind(code)
                .fetch_optional(self.reader())
                .await?;
        Ok(in_plan.unwrap_or(false))
    }

    async fn register_home_care_case(&self, code: &str, id: &IdNumber) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO home_care_cases (institution_code, id_number) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
        )
        .bind(code)
        .bind(id.as_str())
        .execute(self.writer())
        .await?;
        Ok(())
    }

    async fn is_home_care_case(&self, code: &str, id: &IdNumber) -> Result<bool, StoreError> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT CAST(1 AS BIGINT) FROM home_care_cases \
             WHERE institution_code = $1 AND id_number = $2",
        )
        .bind(code)
        .bind(id.as_str())
        .fetch_optional(self.reader())
        .await?;
        Ok(found.is_some())
    }

    async fn insert_consent_form(&self, f: &ConsentForm) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO consent_forms (id, id_number, uploaded_by, bytes, width, height, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&f.id)
        .bind(f.id_number.as_str())
        .bind(&f.uploaded_by)
        .bind(&f.bytes)
        .bind(i64::from(f.width))
        .bind(i64::from(f.height))
        .bind(f.created_at)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    async fn find_consent_form(&self, id: &str) -> Result<Option<ConsentForm>, StoreError> {
        let row = sqlx::query(
            "SELECT id, id_number, uploaded_by, bytes, width, height, created_at \
             FROM consent_forms WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(self.reader())
        .await?;
        row.map(|r| {
            let owner: String = r.try_get("id_number")?;
            Ok(ConsentForm {
                id: r.try_get("id")?,
                id_number: IdNumber::parse(&owner).map_err(|e| corrupt(format!("{owner}: {e}")))?,
                uploaded_by: r.try_get("uploaded_by")?,
                bytes: r.try_get("bytes")?,
                width: r.try_get::<i64, _>("width")? as u32,
                height: r.try_get::<i64, _>("height")? as u32,
                created_at: r.try_get("created_at")?,
            })
        })
        .transpose()
    }
}
