//! The embedded default store: SQLite in one file, migrated on open. The statements are the
//! ones the PostgreSQL store runs (`store/statements`, one file per concern).

// The statements, shared with the PostgreSQL store (`store/statements`, written in the SQL
// both engines speak); this module gives them their engine: `Engine`, `EngineDb`, `EngineRow`,
// the pools, how a write transaction begins, the per-person lock (none: SQLite's write lock
// serializes every write) and how the round trip's statements run (`direct`).
// Compiled once per engine on purpose: the same statements, each engine's types.
#[allow(clippy::duplicate_mod)]
#[path = "../statements/mod.rs"]
mod statements;

mod direct;
mod rows;

use std::path::Path;
use std::str::FromStr;

use rusqlite::ToSql;
use statements::round_trip;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use super::StoreError;

/// Reads run side by side on their own read-only connections; every write goes through the
/// one writer connection, so writers queue in the pool (a cheap async wait) rather than in
/// SQLite's busy handler, which sleeps milliseconds while several connections fight over the
/// one write lock. A write sent to a reader fails loudly ("readonly database"). The card QR
/// round trip's statements take the direct path instead (`direct`).
pub struct SqliteStore {
    read: SqlitePool,
    write: SqlitePool,
    direct: direct::Direct,
}

/// SQLITE_BUSY or SQLITE_LOCKED from the direct path: the lock was held past the wait.
pub(super) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// How long a statement waits for SQLite's write lock before the store answers "busy".
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// Read connections, each a thread of its own. Measured with the round-trip bench on 2 cores
/// when its reads still went through them (before `direct`): 8 readers gave ~15 % more round
/// trips a second than 4, and 16 no more than 8.
///
/// Neither pool pings a connection before lending it (sqlx's default for network servers):
/// a file does not hang up, and the ping was one more hand-off to the connection's thread
/// for every statement.
const READERS: u32 = 8;

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
            .busy_timeout(BUSY_TIMEOUT);
        // The writer first: it creates the file and the WAL that readers open.
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .test_before_acquire(false)
            .connect_with(options.clone())
            .await?;
        sqlx::migrate!("./migrations/sqlite").run(&write).await?;
        let read = SqlitePoolOptions::new()
            .max_connections(READERS)
            .test_before_acquire(false)
            .connect_with(options.read_only(true))
            .await?;
        let direct = direct::Direct::open(path, BUSY_TIMEOUT)?;
        Ok(Self {
            read,
            write,
            direct,
        })
    }
}

impl Drop for SqliteStore {
    fn drop(&mut self) {
        // Marks the pools closed at once; idle connections close as they are dropped.
        drop(self.write.close());
        drop(self.read.close());
    }
}

/// One backend owns a SQLite file (the data directory's lock): every job is its own.
#[async_trait::async_trait]
impl super::Jobs for SqliteStore {
    async fn try_job(&self, _name: &str) -> Result<Option<super::JobLock>, StoreError> {
        Ok(Some(Box::new(())))
    }
}

type Engine = SqliteStore;
type EngineDb = sqlx::Sqlite;
type EngineRow = sqlx::sqlite::SqliteRow;

impl SqliteStore {
    fn reader(&self) -> &SqlitePool {
        &self.read
    }

    fn writer(&self) -> &SqlitePool {
        &self.write
    }

    /// IMMEDIATE: the write lock from the start, so a transaction that reads before it
    /// writes queues on the writer instead of failing to upgrade its read lock.
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.write.begin_with("BEGIN IMMEDIATE").await
    }

    async fn read_session(
        &self,
        token_hash: &[u8],
        kind: super::SessionKind,
    ) -> Result<Option<super::SessionRecord>, StoreError> {
        self.direct.read(|conn| {
            let values: [&dyn ToSql; 2] = [&token_hash, &kind.as_str()];
            rows::first_row(conn, &round_trip::SESSION, &values, rows::session)
        })
    }

    async fn read_session_with_card(
        &self,
        token_hash: &[u8],
    ) -> Result<Option<super::SessionWithCard>, StoreError> {
        self.direct.read(|conn| {
            let values: [&dyn ToSql; 1] = [&token_hash];
            rows::first_row(
                conn,
                &round_trip::APP_SESSION_WITH_CARD,
                &values,
                rows::session_with_card,
            )
        })
    }

    async fn read_current_application(
        &self,
        id: &nhi_core::domain::IdNumber,
    ) -> Result<Option<super::Application>, StoreError> {
        self.direct.read(|conn| {
            let values: [&dyn ToSql; 1] = [&id.as_str()];
            rows::first_row(
                conn,
                &round_trip::CURRENT_APPLICATION,
                &values,
                rows::application,
            )
        })
    }

    async fn read_card_at_counter(
        &self,
        number: i64,
    ) -> Result<Option<super::CardAtCounter>, StoreError> {
        self.direct.read(|conn| {
            let values: [&dyn ToSql; 1] = [&number];
            rows::first_row(
                conn,
                &round_trip::CARD_AT_COUNTER,
                &values,
                rows::card_at_counter,
            )
        })
    }

    /// No shortcut: reading the card and then writing the use costs SQLite no round trip.
    async fn own_code_in_one_statement(
        &self,
        _code: &super::OwnCodeUse<'_>,
    ) -> Result<Option<(super::CardAtCounter, i64)>, StoreError> {
        Ok(None)
    }

    /// One statement holding SQLite's write lock: no two uses read the same highest number.
    async fn take_visit_number(
        &self,
        u: &super::QrUse,
        year: i32,
        max_visits: u32,
    ) -> Result<Option<i64>, StoreError> {
        let u = u.clone();
        // As sqlx writes a date (the authorizations' periods are compared as text).
        let today = nhi_core::domain::taiwan_time::date(u.used_at)
            .format("%F")
            .to_string();
        self.direct
            .write(move |conn| {
                let values: [&dyn ToSql; 11] = [
                    &u.serial,
                    &u.id_number.as_str(),
                    &year,
                    &u.application_id,
                    &u.authorization_id,
                    &u.delegate_id
                        .as_ref()
                        .map(nhi_core::domain::IdNumber::as_str),
                    &rows::time_text(u.used_at),
                    &u.institution,
                    &max_visits,
                    &u.video_visit,
                    &today,
                ];
                rows::first_row(conn, round_trip::INSERT_QR_USE, &values, |row| row.get(0))
            })
            .await
    }
}

/// Nothing to lock: a write transaction begins IMMEDIATE, holding SQLite's one write lock
/// (which the direct path's writer takes too) until it ends.
async fn lock_person(
    _: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    _: &str,
) -> Result<(), StoreError> {
    Ok(())
}
