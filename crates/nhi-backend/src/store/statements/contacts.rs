//! An account's contact data and its changes.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{corrupt, Engine};
use crate::store::{Contact, ContactChange, ContactField, Contacts, EmailChanged, StoreError};
use nhi_core::domain::IdNumber;

#[async_trait]
impl Contacts for Engine {
    async fn contact_of(&self, id: &IdNumber) -> Result<Option<Contact>, StoreError> {
        let row = sqlx::query(
            "SELECT email, mobile, local_phone FROM account_contacts WHERE id_number = $1",
        )
        .bind(id.as_str())
        .fetch_optional(self.reader())
        .await?;
        row.map(|r| {
            Ok(Contact {
                email: r.try_get("email")?,
                mobile: r.try_get("mobile")?,
                local_phone: r.try_get("local_phone")?,
            })
        })
        .transpose()
    }

    async fn set_contact(&self, id: &IdNumber, contact: &Contact) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO account_contacts (id_number, email, mobile, local_phone) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (id_number) DO UPDATE SET \
             email = excluded.email, mobile = excluded.mobile, local_phone = excluded.local_phone",
        )
        .bind(id.as_str())
        .bind(&contact.email)
        .bind(&contact.mobile)
        .bind(&contact.local_phone)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    async fn change_contact(
        &self,
        id: &IdNumber,
        field: ContactField,
        new_value: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let column = match field {
            ContactField::Mobile => "mobile",
            ContactField::LocalPhone => "local_phone",
            // An e-mail changes only through its link.
            ContactField::Email => return Err(corrupt("an e-mail changes by its link")),
        };
        let mut tx = self.begin_write().await?;
        let old: Option<String> = sqlx::query_scalar(&format!(
            "SELECT {column} FROM account_contacts WHERE id_number = $1"
        ))
        .bind(id.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(old) = old else {
            return Ok(false);
        };
        sqlx::query(&format!(
            "UPDATE account_contacts SET {column} = $1 WHERE id_number = $2"
        ))
        .bind(new_value)
        .bind(id.as_str())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO contact_changes (id_number, field, old_value, new_value, requested_at, \
             effective_at) VALUES ($1, $2, $3, $4, $5, $5)",
        )
        .bind(id.as_str())
        .bind(field.as_str())
        .bind(old)
        .bind(new_value)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn request_email_change(
        &self,
        id: &IdNumber,
        new_email: &str,
        token_hash: &[u8],
        at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let old: String =
            sqlx::query_scalar("SELECT email FROM account_contacts WHERE id_number = $1")
                .bind(id.as_str())
                .fetch_optional(&mut *tx)
                .await?
                .unwrap_or_default();
        // The earlier waiting addresses' links stop working (kept in the history).
        sqlx::query(
            "UPDATE contact_changes SET expires_at = $2 WHERE id_number = $1 \
             AND field = 'email' AND effective_at IS NULL AND expires_at > $2",
        )
        .bind(id.as_str())
        .bind(at)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO contact_changes (id_number, field, old_value, new_value, requested_at, \
             token_hash, expires_at) VALUES ($1, 'email', $2, $3, $4, $5, $6)",
        )
        .bind(id.as_str())
        .bind(old)
        .bind(new_email)
        .bind(at)
        .bind(token_hash)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn confirm_email_change(
        &self,
        token_hash: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Option<EmailChanged>, StoreError> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "UPDATE contact_changes SET effective_at = $2 WHERE token_hash = $1 \
             AND effective_at IS NULL AND expires_at > $2 RETURNING id_number, new_value",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let id: String = row.try_get("id_number")?;
        let new_email: String = row.try_get("new_value")?;
        // The address it replaces is the one in use now, whatever it was when asked.
        let old_email: Option<String> =
            sqlx::query_scalar("SELECT email FROM account_contacts WHERE id_number = $1")
                .bind(&id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(old_email) = old_email else {
            return Ok(None);
        };
        sqlx::query("UPDATE account_contacts SET email = $1 WHERE id_number = $2")
            .bind(&new_email)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        let id_number = IdNumber::parse(&id).map_err(|e| corrupt(format!("{id}: {e}")))?;
        Ok(Some(EmailChanged {
            id_number,
            old_email,
            new_email,
        }))
    }

    async fn contact_history(&self, id: &IdNumber) -> Result<Vec<ContactChange>, StoreError> {
        let rows = sqlx::query(
            "SELECT field, old_value, new_value, requested_at, effective_at FROM contact_changes \
             WHERE id_number = $1 ORDER BY requested_at DESC, id DESC",
        )
        .bind(id.as_str())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ContactChange {
                    field: r.try_get("field")?,
                    old_value: r.try_get("old_value")?,
                    new_value: r.try_get("new_value")?,
                    requested_at: r.try_get("requested_at")?,
                    effective_at: r.try_get("effective_at")?,
                })
            })
            .collect()
    }
}
