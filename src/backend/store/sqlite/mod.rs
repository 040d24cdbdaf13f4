//! The embedded default store: SQLite in one file, migrated on open. One file per concern.

mod attempts;
mod authorizations;
mod card_qrs;
mod cards;
mod certificates;
mod devices;
mod health;
mod outbox;
mod persons_sessions;
mod registrations;

use std::path::Path;
use std::str::FromStr;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use super::StoreError;

pub struct SqliteStore {
    pool: SqlitePool,
}

/// The person columns every query that returns a person selects (`p` is `persons`).
const PERSON_COLUMNS: &str = "p.id_number, p.name, p.birth_date, p.sex, p.card_number, \
     p.card_issue_date, p.card_voided, p.email";

impl SqliteStore {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // In WAL mode NORMAL syncs at checkpoints, not at every commit: a commit still
            // survives the process being killed (it is in the WAL file); only a power cut
            // can lose the last moments. Every commit an fsync was most of a round trip.
            .synchronous(SqliteSynchronous::Normal)
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
