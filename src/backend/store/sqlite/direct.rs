//! The card QR round trip's statements (`statements::round_trip`), run on the calling thread.
//!
//! sqlx gives each SQLite connection a thread of its own, hands it every statement and, each
//! time a connection goes back to its pool, hands it a ping: two thread hand-offs a statement.
//! Under the round-trip bench those hand-offs (the wake-ups, the channel, the rows copied
//! between threads) cost more than the statements. The round trip's four statements run here
//! instead, through rusqlite on the same SQLite library and file, on the task's own thread:
//! a read of cached pages takes microseconds and, in WAL mode, never waits for a writer.
//!
//! Writes: SQLite's write lock admits one writer at a time, and this path's writer shares it
//! with the sqlx writer (every other write). A write here first tries without waiting; only
//! when the lock is held elsewhere does it wait for it, on the blocking pool, so a runtime
//! thread never sleeps in SQLite's busy handler. Writes here queue for this path's one
//! connection on an async lock, which also keeps the write-ahead log short (`keep_wal_short`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::backend::store::StoreError;

/// Idle read connections kept; more are opened while more reads run at once (each runtime
/// thread runs one at a time, the blocking pool a few).
const IDLE_READERS: usize = 8;

pub struct Direct {
    path: PathBuf,
    readers: Mutex<Vec<Connection>>,
    writer: Arc<tokio::sync::Mutex<Connection>>,
    busy_timeout: Duration,
}

impl Direct {
    /// Opens the path's connections to `path`, a database the sqlx writer made and migrated.
    pub fn open(path: &Path, busy_timeout: Duration) -> Result<Self, StoreError> {
        let writer = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // Per connection, as sqlx's writer has them (`SqliteStore::open`).
        writer.pragma_update(None, "foreign_keys", true)?;
        writer.pragma_update(None, "synchronous", "NORMAL")?;
        writer.busy_timeout(Duration::ZERO)?;
        let writer = Arc::new(tokio::sync::Mutex::new(writer));
        tokio::spawn(keep_wal_short(Arc::downgrade(&writer), busy_timeout));
        Ok(Self {
            path: path.to_owned(),
            readers: Mutex::new(Vec::new()),
            writer,
            busy_timeout,
        })
    }

    fn open_reader(&self) -> Result<Connection, StoreError> {
        let reader = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // A WAL reader waits only in rare moments (the log being recovered).
        reader.busy_timeout(self.busy_timeout)?;
        Ok(reader)
    }

    /// Runs `read` on an idle read connection, here and now.
    pub fn read<T>(
        &self,
        read: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        let idle = self
            .readers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        let reader = match idle {
            Some(reader) => reader,
            None => self.open_reader()?,
        };
        let result = read(&reader);
        let mut readers = self.readers.lock().unwrap_or_else(PoisonError::into_inner);
        if readers.len() < IDLE_READERS {
            readers.push(reader);
        }
        Ok(result?)
    }

    /// Runs `write` (one statement, or a transaction it begins and ends) on this path's
    /// writer: here when SQLite's write lock is free, else on the blocking pool once it is
    /// (within the busy timeout; after it, SQLite's "busy", which the API answers with 503).
    pub async fn write<T: Send + 'static>(
        &self,
        write: impl Fn(&Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, StoreError> {
        let writer = self.writer.clone().lock_owned().await;
        match write(&writer) {
            Err(e) if is_busy(&e) => {}
            done => return Ok(done?),
        }
        let timeout = self.busy_timeout;
        let waited = tokio::task::spawn_blocking(move || {
            writer.busy_timeout(timeout)?;
            let done = write(&writer);
            writer.busy_timeout(Duration::ZERO)?;
            done
        })
        .await
        .map_err(|e| StoreError::Corrupt(format!("a database write stopped: {e}")))?;
        Ok(waited?)
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// How often the log is started again from the top. Measured with the round-trip bench:
/// every second the log grew enough for its copy to stall writes past a p99 of 50 ms at 64
/// concurrent; every 100 ms the waits for readers cost throughput.
const WAL_RESTART_EVERY: Duration = Duration::from_millis(300);

/// Keeps the write-ahead log short. SQLite's own checkpoints after a commit are passive:
/// with readers always in flight (a loaded server) they never get to start the log again
/// from the top, so under the round-trip bench it grew by 30 MB a second and every page
/// lookup searched it (and a commit past 1,000 frames ran a passive checkpoint of its own,
/// with an fsync, every time). A restarting checkpoint copies the log into the database and
/// waits the moment it takes for the reads in flight to finish — on the blocking pool, with
/// this path's writes queued behind it. Ends when the store is dropped.
async fn keep_wal_short(writer: Weak<tokio::sync::Mutex<Connection>>, busy_timeout: Duration) {
    let mut ticks = tokio::time::interval(WAL_RESTART_EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let Some(shared) = writer.upgrade() else {
            return;
        };
        let conn = shared.lock_owned().await;
        let checkpoint = tokio::task::spawn_blocking(move || {
            conn.busy_timeout(busy_timeout)?;
            let done = conn.query_row("PRAGMA wal_checkpoint(RESTART)", [], |_| Ok(()));
            conn.busy_timeout(Duration::ZERO)?;
            done
        })
        .await;
        match checkpoint {
            Ok(Ok(())) => {}
            Ok(Err(error)) => tracing::warn!(%error, "write-ahead log checkpoint failed"),
            Err(error) => tracing::warn!(%error, "write-ahead log checkpoint stopped"),
        }
    }
}
