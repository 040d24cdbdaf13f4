//! The embedded default store: SQLite in one file, migrated on open. The statements are the
//! ones the PostgreSQL store runs (`store/statements`, one file per concern).

// The statements, shared with the PostgreSQL store (`store/statements`, written in the SQL
// both engines speak); this module gives them their engine: `Engine`, `EngineDb`, `EngineRow`,
// the pools, how a write transaction begins, and the per-person lock (none: SQLite's one
// writer serializes every write).
// Compiled once per engine on purpose: the same statements, each engine's types.
#[allow(clippy::duplicate_mod)]
#[path = "../statements/mod.rs"]
mod statements;

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

/// Read connections, each a thread of its own. Measured with the round-trip bench on 2 cores:
/// 8 readers gave ~15 % more round trips a second than 4, and 16 no more than 8.
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
            .busy_timeout(std::time::Duration::from_secs(5));
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
        tokio::spawn(keep_wal_short(write.clone()));
        Ok(Self { read, write })
    }
}

impl Drop for SqliteStore {
    fn drop(&mut self) {
        // Marks the pools closed at once (ending the checkpoint task); idle connections
        // close as they are dropped.
        drop(self.write.close());
        drop(self.read.close());
    }
}

/// How often the log is started again from the top. Measured with the round-trip bench:
/// every second the log grew enough for its copy to stall writes past a p99 of 50 ms at 64
/// concurrent; every 100 ms the waits for readers cost throughput.
const WAL_RESTART_EVERY: std::time::Duration = std::time::Duration::from_millis(300);

/// Keeps the write-ahead log short. SQLite's own checkpoints after a commit are passive:
/// with readers always in flight (a loaded server) they never get to start the log again
/// from the top, so under the round-trip bench it grew by 30 MB a second and every page
/// lookup searched it (and a commit past 1,000 frames ran a passive checkpoint of its own,
/// with an fsync, every time). A restarting checkpoint, on the writer, copies the log into the
/// database and waits the moment it takes for the reads in flight to finish.
async fn keep_wal_short(write: SqlitePool) {
    let mut closed = write.close_event();
    let _ = closed
        .do_until(async {
            let mut ticks = tokio::time::interval(WAL_RESTART_EVERY);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                if let Err(error) = sqlx::query("PRAGMA wal_checkpoint(RESTART)")
                    .execute(&write)
                    .await
                {
                    tracing::warn!(%error, "write-ahead log checkpoint failed");
                }
            }
        })
        .await;
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

    /// One statement on the one writer: no two uses read the same highest number.
    async fn take_visit_number(
        &self,
        u: &super::QrUse,
        year: i32,
        max_visits: u32,
    ) -> Result<Option<i64>, StoreError> {
        Ok(statements::card_qrs::insert_qr_use(u, year, max_visits)
            .fetch_optional(&self.write)
            .await?)
    }
}

/// Nothing to lock: the one writer connection serializes every write transaction.
async fn lock_person(
    _: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    _: &str,
) -> Result<(), StoreError> {
    Ok(())
}
