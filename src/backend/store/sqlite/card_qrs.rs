//! Card QR tokens, institutions and visit sequences in SQLite.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::{corrupt, SqliteStore};
use crate::backend::store::{CardQrs, Consumed, InstitutionRecord, QrToken, StoreError};
use crate::domain::IdNumber;

const TOKEN_COLUMNS: &str =
    "qr_id, id_number, application_id, delegate_id, issued_at, expires_at, used_at, used_by, \
     authorization_id";

fn token_from_row(r: &SqliteRow) -> Result<QrToken, StoreError> {
    let id: String = r.try_get("id_number")?;
    Ok(QrToken {
        qr_id: r.try_get("qr_id")?,
        id_number: IdNumber::parse(&id).map_err(|e| corrupt(format!("{id}: {e}")))?,
        application_id: r.try_get("application_id")?,
        delegate_id: r.try_get("delegate_id")?,
        authorization_id: r.try_get("authorization_id")?,
        issued_at: r.try_get("issued_at")?,
        expires_at: r.try_get("expires_at")?,
        used_at: r.try_get("used_at")?,
        used_by: r.try_get("used_by")?,
    })
}

fn institution_from_row(r: &SqliteRow) -> Result<InstitutionRecord, StoreError> {
    let departments: String = r.try_get("departments")?;
    Ok(InstitutionRecord {
        code: r.try_get("code")?,
        name: r.try_get("name")?,
        area: r.try_get("area")?,
        address: r.try_get("address")?,
        departments: departments.split(',').map(str::to_owned).collect(),
        accepts_virtual_card: r.try_get("accepts_virtual_card")?,
        sam_key_hash: r.try_get("sam_key_hash")?,
    })
}

#[async_trait]
impl CardQrs for SqliteStore {
    async fn insert_qr_token(&self, hash: &[u8], t: &QrToken) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO card_qr_tokens (token_hash, qr_id, id_number, application_id, delegate_id, \
             issued_at, expires_at, authorization_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(hash)
        .bind(&t.qr_id)
        .bind(t.id_number.as_str())
        .bind(t.application_id)
        .bind(&t.delegate_id)
        .bind(t.issued_at)
        .bind(t.expires_at)
        .bind(t.authorization_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn qr_token_by_id(&self, qr_id: &str) -> Result<Option<QrToken>, StoreError> {
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM card_qr_tokens WHERE qr_id = ?");
        let row = sqlx::query(&sql)
            .bind(qr_id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| token_from_row(&r)).transpose()
    }

    async fn qr_token_by_hash(&self, hash: &[u8]) -> Result<Option<QrToken>, StoreError> {
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM card_qr_tokens WHERE token_hash = ?");
        let row = sqlx::query(&sql)
            .bind(hash)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| token_from_row(&r)).transpose()
    }

    async fn complete_verification(
        &self,
        hash: &[u8],
        institution: &str,
        now: DateTime<Utc>,
        year: i32,
        max_visits: u32,
    ) -> Result<Consumed, StoreError> {
        // IMMEDIATE: the write lock first, so concurrent verifications queue instead of
        // failing to upgrade; dropping `tx` without commit rolls everything back.
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let sql = format!(
            "UPDATE card_qr_tokens SET used_at = ?1, used_by = ?2 \
             WHERE token_hash = ?3 AND used_at IS NULL AND expires_at > ?1 RETURNING {TOKEN_COLUMNS}"
        );
        let won = sqlx::query(&sql)
            .bind(now)
            .bind(institution)
            .bind(hash)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(row) = won else {
            let sql = format!("SELECT {TOKEN_COLUMNS} FROM card_qr_tokens WHERE token_hash = ?");
            let row = sqlx::query(&sql)
                .bind(hash)
                .fetch_optional(&mut *tx)
                .await?;
            return Ok(match row.map(|r| token_from_row(&r)).transpose()? {
                None => Consumed::NotFound,
                Some(t) if t.used_at.is_some() => Consumed::AlreadyUsed(t),
                Some(t) => Consumed::Expired(t),
            });
        };
        let token = token_from_row(&row)?;
        let visit_number: i64 = sqlx::query_scalar(
            "INSERT INTO visit_sequences (id_number, year, last) VALUES (?, ?, 1) \
             ON CONFLICT (id_number, year) DO UPDATE SET last = last + 1 RETURNING last",
        )
        .bind(token.id_number.as_str())
        .bind(year)
        .fetch_one(&mut *tx)
        .await?;
        if visit_number > i64::from(max_visits) {
            return Ok(Consumed::VisitNumbersUsedUp);
        }
        if let Some(authorization) = token.authorization_id {
            sqlx::query(
                "INSERT INTO authorization_uses (authorization_id, used_at, institution) \
                 VALUES (?, ?, ?)",
            )
            .bind(authorization)
            .bind(now)
            .bind(institution)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(Consumed::Now {
            token,
            visit_number: visit_number as u32,
        })
    }

    async fn insert_institution(&self, i: &InstitutionRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO institutions (code, name, area, address, departments, accepts_virtual_card, \
             sam_key_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&i.code)
        .bind(&i.name)
        .bind(&i.area)
        .bind(&i.address)
        .bind(i.departments.join(","))
        .bind(i.accepts_virtual_card)
        .bind(&i.sam_key_hash)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn insert_professional(
        &self,
        hpc_id: &str,
        institution_code: &str,
        name: &str,
        pin_hash: &[u8],
    ) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO professionals (hpc_id, institution_code, name, pin_hash) VALUES (?, ?, ?, ?)")
            .bind(hpc_id)
            .bind(institution_code)
            .bind(name)
            .bind(pin_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn find_institution(&self, code: &str) -> Result<Option<InstitutionRecord>, StoreError> {
        let row = sqlx::query("SELECT * FROM institutions WHERE code = ?")
            .bind(code)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| institution_from_row(&r)).transpose()
    }

    async fn find_professional(
        &self,
        hpc_id: &str,
    ) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        let row =
            sqlx::query("SELECT institution_code, pin_hash FROM professionals WHERE hpc_id = ?")
                .bind(hpc_id)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|r| Ok((r.try_get("institution_code")?, r.try_get("pin_hash")?)))
            .transpose()
    }

    async fn institutions(&self) -> Result<Vec<InstitutionRecord>, StoreError> {
        let rows = sqlx::query("SELECT * FROM institutions ORDER BY area, name")
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(institution_from_row).collect()
    }

    async fn insert_counter_session(
        &self,
        token_hash: &[u8],
        institution_code: &str,
        hpc_id: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO counter_sessions (token_hash, institution_code, hpc_id, expires_at) \
             VALUES (?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(institution_code)
        .bind(hpc_id)
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn counter_session(
        &self,
        token_hash: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Option<(String, String)>, StoreError> {
        let row = sqlx::query(
            "SELECT institution_code, hpc_id FROM counter_sessions \
             WHERE token_hash = ? AND expires_at > ?",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| Ok((r.try_get("institution_code")?, r.try_get("hpc_id")?)))
            .transpose()
    }

    async fn delete_counter_session(&self, token_hash: &[u8]) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM counter_sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
