//! The outbox.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::Engine;
use crate::store::{Mail, Outbox, Sms, StoreError};

#[async_trait]
impl Outbox for Engine {
    async fn send_mail(
        &self,
        recipient: &str,
        subject: &str,
        body: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO outbox (recipient, subject, body, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(recipient)
        .bind(subject)
        .bind(body)
        .bind(at)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    async fn mails(&self, limit: u32) -> Result<Vec<Mail>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, recipient, subject, body, created_at FROM outbox ORDER BY id DESC LIMIT $1",
        )
        .bind(i64::from(limit))
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Mail {
                    id: r.try_get("id")?,
                    recipient: r.try_get("recipient")?,
                    subject: r.try_get("subject")?,
                    body: r.try_get("body")?,
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect()
    }

    async fn send_sms(
        &self,
        mobile: &str,
        body: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO sms_outbox (mobile, body, created_at) VALUES ($1, $2, $3)")
            .bind(mobile)
            .bind(body)
            .bind(at)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    async fn sms_messages(&self, limit: u32) -> Result<Vec<Sms>, StoreError> {
        let rows = sqlx::query(
            "SELECT mobile, body, created_at FROM sms_outbox ORDER BY id DESC LIMIT $1",
        )
        .bind(i64::from(limit))
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Sms {
                    mobile: r.try_get("mobile")?,
                    body: r.try_get("body")?,
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect()
    }
}
