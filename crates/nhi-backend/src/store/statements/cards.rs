//! Card applications, uploads and reviewers.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{corrupt, lock_person, Engine};
use crate::store::{
    Application, CardAtCounter, Cards, Decision, NewApplication, StoreError, Upload,
};
use nhi_core::domain::card_application::{ApplicationStatus, Channel};
use nhi_core::domain::IdNumber;

use super::round_trip::APPLICATION_COLUMNS;

fn json_text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[async_trait]
impl Cards for Engine {
    async fn insert_upload(&self, u: &Upload) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO uploads (id, id_number, kind, bytes, width, height, created_at, \
             uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&u.id)
        .bind(u.id_number.as_str())
        .bind(&u.kind)
        .bind(&u.bytes)
        .bind(i64::from(u.width))
        .bind(i64::from(u.height))
        .bind(u.created_at)
        .bind(&u.uploaded_by)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    async fn counter_photo(&self, upload_id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT jpeg FROM counter_photos WHERE upload_id = $1")
                .bind(upload_id)
                .fetch_optional(self.reader())
                .await?,
        )
    }

    async fn keep_counter_photo(&self, upload_id: &str, jpeg: &[u8]) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO counter_photos (upload_id, jpeg) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(upload_id)
        .bind(jpeg)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    async fn find_upload(&self, id: &str) -> Result<Option<Upload>, StoreError> {
        let row = sqlx::query(
            "SELECT id, id_number, kind, bytes, width, height, created_at, uploaded_by FROM uploads \
             WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(self.reader())
        .await?;
        row.map(|r| {
            let owner: String = r.try_get("id_number")?;
            Ok(Upload {
                id: r.try_get("id")?,
                id_number: IdNumber::parse(&owner).map_err(|e| corrupt(format!("{owner}: {e}")))?,
                kind: r.try_get("kind")?,
                bytes: r.try_get("bytes")?,
                width: r.try_get::<i64, _>("width")? as u32,
                height: r.try_get::<i64, _>("height")? as u32,
                created_at: r.try_get("created_at")?,
                uploaded_by: r.try_get("uploaded_by")?,
            })
        })
        .transpose()
    }

    async fn submit_application(&self, a: &NewApplication) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        lock_person(&mut tx, a.id_number.as_str()).await?;
        sqlx::query(
            "UPDATE card_applications SET status = 'superseded' \
             WHERE id_number = $1 AND status = 'under_review'",
        )
        .bind(a.id_number.as_str())
        .execute(&mut *tx)
        .await?;
        let id = insert_application(&mut tx, a).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn submit_staff_application(
        &self,
        a: &NewApplication,
    ) -> Result<Result<i64, ApplicationStatus>, StoreError> {
        let mut tx = self.begin_write().await?;
        lock_person(&mut tx, a.id_number.as_str()).await?;
        let open: Option<String> = sqlx::query_scalar(
            "SELECT status FROM card_applications WHERE id_number = $1 \
             AND status IN ('under_review', 'approved') ORDER BY id DESC LIMIT 1",
        )
        .bind(a.id_number.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(status) = open {
            let status = serde_json::from_value(serde_json::Value::String(status.clone()))
                .map_err(|_| corrupt(format!("application status {status}")))?;
            return Ok(Err(status));
        }
        let id = insert_application(&mut tx, a).await?;
        tx.commit().await?;
        Ok(Ok(id))
    }

    async fn current_application(&self, id: &IdNumber) -> Result<Option<Application>, StoreError> {
        self.read_current_application(id).await
    }

    async fn find_application(&self, number: i64) -> Result<Option<Application>, StoreError> {
        let sql = format!("SELECT {APPLICATION_COLUMNS} FROM card_applications WHERE id = $1");
        Ok(sqlx::query_as::<_, Application>(&sql)
            .bind(number)
            .fetch_optional(self.reader())
            .await?)
    }

    async fn card_at_counter(&self, number: i64) -> Result<Option<CardAtCounter>, StoreError> {
        self.read_card_at_counter(number).await
    }

    async fn applications_of(&self, id: &IdNumber) -> Result<Vec<Application>, StoreError> {
        let sql = format!(
            "SELECT {APPLICATION_COLUMNS} FROM card_applications \
             WHERE id_number = $1 ORDER BY submitted_at DESC, id DESC LIMIT 50"
        );
        Ok(sqlx::query_as::<_, Application>(&sql)
            .bind(id.as_str())
            .fetch_all(self.reader())
            .await?)
    }

    async fn review_queue(&self) -> Result<Vec<Application>, StoreError> {
        let sql = format!(
            "SELECT {APPLICATION_COLUMNS} FROM card_applications \
             WHERE status = 'under_review' ORDER BY submitted_at, id"
        );
        Ok(sqlx::query_as::<_, Application>(&sql)
            .fetch_all(self.reader())
            .await?)
    }

    async fn decide(
        &self,
        number: i64,
        decision: &Decision,
        reviewer: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let (status, reason, note) = match decision {
            Decision::Approve => ("approved", None, None),
            Decision::Reject { reason, note } => ("rejected", Some(reason.as_str()), note.clone()),
        };
        // Under the holder's lock, as every use of the card: a rejection and a use of the
        // photo-less card meanwhile never interleave.
        let mut tx = self.begin_write().await?;
        let holder: Option<String> =
            sqlx::query_scalar("SELECT id_number FROM card_applications WHERE id = $1")
                .bind(number)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(holder) = holder else {
            return Ok(false);
        };
        lock_person(&mut tx, &holder).await?;
        let done = sqlx::query(
            "UPDATE card_applications SET status = $1, reject_reason = $2, reject_note = $3, \
             reviewer = $4, decided_at = $5 WHERE id = $6 AND status = 'under_review'",
        )
        .bind(status)
        .bind(reason)
        .bind(note)
        .bind(reviewer)
        .bind(at)
        .bind(number)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() == 1)
    }

    /// Under the holder's lock, which every use of the card takes: a use either commits
    /// before the cancellation or sees it.
    async fn cancel_card(&self, id: &IdNumber, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        lock_person(&mut tx, id.as_str()).await?;
        let done = sqlx::query(
            "UPDATE card_applications SET status = 'cancelled', decided_at = $1 \
             WHERE id_number = $2 AND status IN ('approved', 'under_review')",
        )
        .bind(at)
        .bind(id.as_str())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    async fn insert_reviewer(
        &self,
        username: &str,
        name: &str,
        hash: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO reviewers (username, name, password_hash) VALUES ($1, $2, $3)")
            .bind(username)
            .bind(name)
            .bind(hash)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    async fn find_reviewer(&self, username: &str) -> Result<Option<(String, String)>, StoreError> {
        let row = sqlx::query("SELECT name, password_hash FROM reviewers WHERE username = $1")
            .bind(username)
            .fetch_optional(self.reader())
            .await?;
        row.map(|r| Ok((r.try_get("name")?, r.try_get("password_hash")?)))
            .transpose()
    }
}

/// Inserts an application under review, in the caller's write.
async fn insert_application(
    tx: &mut sqlx::Transaction<'_, super::EngineDb>,
    a: &NewApplication,
) -> Result<i64, StoreError> {
    let applied_by = a.applied_by.as_ref();
    Ok(sqlx::query_scalar(
        "INSERT INTO card_applications (id_number, status, document_kind, document_upload, \
         photo_upload, contact_phone, email, submitted_at, channel, applied_by, \
         applied_by_name, consent_form) \
         VALUES ($1, 'under_review', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(a.id_number.as_str())
    .bind(json_text(&a.document_kind))
    .bind(&a.document_upload)
    .bind(&a.photo_upload)
    .bind(&a.contact_phone)
    .bind(&a.email)
    .bind(a.submitted_at)
    .bind(applied_by.map_or(Channel::App, |b| b.channel).as_str())
    .bind(applied_by.map(|b| b.who.as_str()))
    .bind(applied_by.map(|b| b.name.as_str()))
    .bind(applied_by.map(|b| b.consent_form.as_str()))
    .fetch_one(&mut **tx)
    .await?)
}
