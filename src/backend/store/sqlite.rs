//! The embedded default store: SQLite in one file, migrated on open.

use std::path::Path;
use std::str::FromStr;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow};
use sqlx::{Row, SqlitePool};

use super::{
    AccountRecord, Contract, PersonRecord, SessionRecord, Sex, Store, StoreError,
    TelecomSubscription,
};
use crate::domain::{CardNumber, IdNumber};

pub struct SqliteStore {
    pool: SqlitePool,
}

const PERSON_COLUMNS: &str = "p.id_number, p.name, p.birth_date, p.sex, p.card_number, \
     p.card_issue_date, p.card_voided, p.email";

impl SqliteStore {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(std::time::Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Self { pool })
    }
}

fn corrupt(what: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(what.to_string())
}

fn person_from_row(row: &SqliteRow) -> Result<PersonRecord, StoreError> {
    let id: String = row.try_get("id_number")?;
    let card: String = row.try_get("card_number")?;
    let sex: String = row.try_get("sex")?;
    Ok(PersonRecord {
        id_number: IdNumber::parse(&id).map_err(|e| corrupt(format!("{id}: {e}")))?,
        name: row.try_get("name")?,
        birth_date: row.try_get::<NaiveDate, _>("birth_date")?,
        sex: match sex.as_str() {
            "M" => Sex::Male,
            "F" => Sex::Female,
            other => return Err(corrupt(format!("sex {other:?}"))),
        },
        card_number: CardNumber::parse(&card).map_err(|e| corrupt(format!("{card}: {e}")))?,
        card_issue_date: row.try_get("card_issue_date")?,
        card_voided: row.try_get("card_voided")?,
        email: row.try_get("email")?,
    })
}

#[async_trait]
impl Store for SqliteStore {
    async fn person_count(&self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM persons")
            .fetch_one(&self.pool)
            .await?;
        Ok(n as u64)
    }

    async fn insert_person(&self, p: &PersonRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO persons (id_number, name, birth_date, sex, card_number, card_issue_date, \
             card_voided, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(p.id_number.as_str())
        .bind(&p.name)
        .bind(p.birth_date)
        .bind(match p.sex {
            Sex::Male => "M",
            Sex::Female => "F",
        })
        .bind(p.card_number.as_str())
        .bind(p.card_issue_date)
        .bind(p.card_voided)
        .bind(&p.email)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn insert_account(&self, id: &IdNumber, password_hash: &str) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO accounts (id_number, password_hash) VALUES (?, ?)")
            .bind(id.as_str())
            .bind(password_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn insert_subscription(&self, sub: &TelecomSubscription) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO telecom_subscriptions (mobile, owner_id, carrier, contract) \
             VALUES (?, ?, ?, ?)",
        )
        .bind(sub.mobile.as_str())
        .bind(sub.owner_id.as_str())
        .bind(&sub.carrier)
        .bind(match sub.contract {
            Contract::Monthly => "monthly",
            Contract::Prepaid => "prepaid",
        })
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn find_account(&self, id: &IdNumber) -> Result<Option<AccountRecord>, StoreError> {
        let sql = format!(
            "SELECT {PERSON_COLUMNS}, a.password_hash, a.failed_logins, a.locked_until \
             FROM accounts a JOIN persons p USING (id_number) WHERE a.id_number = ?"
        );
        let row = sqlx::query(&sql)
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| {
            Ok(AccountRecord {
                person: person_from_row(&row)?,
                password_hash: row.try_get("password_hash")?,
                failed_logins: row.try_get::<i64, _>("failed_logins")? as u32,
                locked_until: row.try_get::<Option<DateTime<Utc>>, _>("locked_until")?,
            })
        })
        .transpose()
    }

    async fn record_login_failure(&self, id: &IdNumber) -> Result<u32, StoreError> {
        // One statement, so concurrent wrong guesses are all counted.
        let n: i64 = sqlx::query_scalar(
            "UPDATE accounts SET failed_logins = failed_logins + 1 WHERE id_number = ? \
             RETURNING failed_logins",
        )
        .bind(id.as_str())
        .fetch_one(&self.pool)
        .await?;
        Ok(n as u32)
    }

    async fn lock_account(&self, id: &IdNumber, until: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("UPDATE accounts SET failed_logins = 0, locked_until = ? WHERE id_number = ?")
            .bind(until)
            .bind(id.as_str())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn clear_login_failures(&self, id: &IdNumber) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE id_number = ?",
        )
        .bind(id.as_str())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn insert_session(
        &self,
        token_hash: &[u8],
        id: &IdNumber,
        created_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, id_number, created_at, expires_at) \
             VALUES (?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(id.as_str())
        .bind(created_at)
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn find_session(&self, token_hash: &[u8]) -> Result<Option<SessionRecord>, StoreError> {
        let sql = format!(
            "SELECT {PERSON_COLUMNS}, s.created_at, s.expires_at \
             FROM sessions s JOIN persons p USING (id_number) WHERE s.token_hash = ?"
        );
        let row = sqlx::query(&sql)
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| {
            Ok(SessionRecord {
                person: person_from_row(&row)?,
                created_at: row.try_get("created_at")?,
                expires_at: row.try_get("expires_at")?,
            })
        })
        .transpose()
    }

    async fn delete_session(&self, token_hash: &[u8]) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn delete_sessions_expired_by(&self, now: DateTime<Utc>) -> Result<u64, StoreError> {
        // Both sides are UTC timestamps encoded alike by sqlx, so text order is time order.
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= ?")
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}
