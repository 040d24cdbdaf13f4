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

/// Reads run side by side on their own read-only connections; every write goes through the
/// one writer connection, so writers queue in the pool (a cheap async wait) rather than in
/// SQLite's busy handler, which sleeps milliseconds while several connections fight over the
/// one write lock. A write sent to a reader fails loudly ("readonly database").
pub struct SqliteStore {
    read: SqlitePool,
    write: SqlitePool,
}

/// The person columns every query that returns a person selects (`p` is `persons`).
const PERSON_COLUMNS: &str = "p.id_number, p.name, p.birth_date, p.sex, p.card_number, \
     p.card_issue_date, p.card_voided, p.email";

/// Read connections: each is a thread of its own, so a few more than the cores.
const READERS: u32 = 4;

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
        // The writer first: it creates the file and the WAL that readers open.
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone())
            .await?;
        sqlx::migrate!("./migrations").run(&write).await?;
        let read = SqlitePoolOptions::new()
            .max_connections(READERS)
            .connect_with(options.read_only(true))
            .await?;
        Ok(Self { read, write })
    }
}

fn corrupt(what: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(what.to_string())
}
