//! The card QR round trip's statements (`statements::round_trip`), run on the calling thread.
//!
//! sqlx gives each SQLite connection a thread of its own, hands it every statement and, each
//! time a connection goes back to its pool, hands it a ping: two thread hand-offs a statement.
//! Under the round-trip bench those hand-offs (the wake-ups, the channel, the rows copied
//! between threads) cost more than the statements. The round trip's four statements run here
//! instead, through rusqlite on the same SQLite library and file, on the task's own thread:
//! a read of cached pages takes microseconds and, in WAL mode, never waits for a writer.
//!
//! Writes are committed in groups. A commit appends every page it changed to the write-ahead
//! log, and uses of codes change the same few pages (the table's last leaf, the indexes'):
//! grouped, a page is written once a group instead of once a use (measured with the bench at
//! 64 concurrent: the log's size at the end from 26 MB to 5 MB, the p99 from 34–43 ms to
//! 24–28 ms). Writes that arrive while another group is being written queue, and the next of
//! them to get this path's one connection — after letting those already on their way join
//! (`let_arriving_writes_join`) — writes every queued one in a single transaction, each
//! statement rolled back alone if it fails (SQLite's statement journal); each caller is
//! answered only once that transaction committed, so nothing is acknowledged that a crash
//! could lose.
//!
//! SQLite's write lock admits one writer at a time, and this path's writer shares it with the
//! sqlx writer (every other write). A group first tries to begin without waiting; only when
//! the lock is held elsewhere does it wait for it, on the blocking pool, so a runtime thread
//! never sleeps in SQLite's busy handler. The same connection keeps the write-ahead log short
//! (`keep_wal_short`).

use std::any::Any;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::Duration;

use tokio::sync::oneshot;

use rusqlite::{Connection, OpenFlags};

use crate::store::StoreError;

/// At most this many yields for writes on their way to join a group
/// (`Direct::let_arriving_writes_join`).
const JOIN_YIELDS: usize = 4;

/// Idle read connections kept; more are opened while more reads run at once (each runtime
/// thread runs one at a time, the blocking pool a few).
const IDLE_READERS: usize = 8;

pub struct Direct {
    path: PathBuf,
    readers: Mutex<Vec<Connection>>,
    writer: Arc<tokio::sync::Mutex<Connection>>,
    /// Writes waiting for the next group.
    queued: Mutex<Vec<Queued>>,
    busy_timeout: Duration,
}

/// What a write statement gave, as its caller's type (`Direct::write`).
type Done = Box<dyn Any + Send>;
/// A queued write statement.
type Statement = Box<dyn FnOnce(&Connection) -> rusqlite::Result<Done> + Send>;

/// A write waiting for its group: the statement, and where its outcome goes once the group
/// committed (or failed).
struct Queued {
    run: Statement,
    answer: oneshot::Sender<Result<Done, StoreError>>,
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
        // No checkpoint after a commit: past 1,000 frames in the log SQLite would copy it, with
        // its fsyncs, on the committing thread — a runtime thread, with every write of the
        // round trip queued behind it. `keep_wal_short` copies it on the blocking pool.
        writer.pragma_update(None, "wal_autocheckpoint", 0)?;
        writer.busy_timeout(Duration::ZERO)?;
        let writer = Arc::new(tokio::sync::Mutex::new(writer));
        tokio::spawn(keep_wal_short(
            path.to_owned(),
            Arc::downgrade(&writer),
            busy_timeout,
        ));
        Ok(Self {
            path: path.to_owned(),
            readers: Mutex::new(Vec::new()),
            writer,
            queued: Mutex::new(Vec::new()),
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

    /// Runs `write` — one statement — in the next group of writes on this path's writer, and
    /// answers once that group committed: here when SQLite's write lock is free, else on the
    /// blocking pool once it is (within the busy timeout; after it, SQLite's "busy", which
    /// the API answers with 503).
    pub async fn write<T: Send + 'static>(
        &self,
        write: impl FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (answer, answered) = oneshot::channel();
        let run = Box::new(move |conn: &Connection| write(conn).map(|done| Box::new(done) as Done));
        self.queued
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Queued { run, answer });
        {
            let writer = self.writer.clone().lock_owned().await;
            self.let_arriving_writes_join().await;
            // Empty when an earlier holder of the writer took this write into its group.
            let group =
                std::mem::take(&mut *self.queued.lock().unwrap_or_else(PoisonError::into_inner));
            if !group.is_empty() {
                self.commit(writer, group).await;
            }
        }
        let done = answered
            .await
            .map_err(|_| StoreError::Corrupt("a database write was dropped".into()))??;
        done.downcast::<T>()
            .map(|done| *done)
            .map_err(|_| StoreError::Corrupt("a database write answered another type".into()))
    }

    /// Lets the writes already on their way (requests running on the runtime's other tasks)
    /// queue before the group is taken: a few yields, while each adds to the queue. Alone,
    /// the first yield finds nothing new and costs a microsecond; at 64 concurrent, groups
    /// grew from about 4.7 uses to 11 and the disk writes from about 10.5 to 9 kB a use, the
    /// rate unchanged (`docs/benchmarks.md`).
    async fn let_arriving_writes_join(&self) {
        let queued = || {
            self.queued
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .len()
        };
        let mut seen = queued();
        for _ in 0..JOIN_YIELDS {
            tokio::task::yield_now().await;
            let now = queued();
            if now == seen {
                return;
            }
            seen = now;
        }
    }

    async fn commit(&self, writer: tokio::sync::OwnedMutexGuard<Connection>, group: Vec<Queued>) {
        match writer.execute_batch("BEGIN IMMEDIATE") {
            Ok(()) => return run_group(&writer, group),
            Err(e) if super::is_busy(&e) => {}
            Err(e) => return fail_group(group, &e),
        }
        let timeout = self.busy_timeout;
        let waited = tokio::task::spawn_blocking(move || {
            match waiting(&writer, timeout, || writer.execute_batch("BEGIN IMMEDIATE")) {
                Ok(()) => run_group(&writer, group),
                Err(e) => fail_group(group, &e),
            }
        })
        .await;
        if let Err(error) = waited {
            tracing::error!(%error, "a group of database writes stopped");
        }
    }
}

/// Runs each queued statement in the transaction begun, commits, and answers each. A write
/// whose caller has gone (a request cancelled while it waited) is not made: no one would
/// learn of it.
fn run_group(conn: &Connection, group: Vec<Queued>) {
    let outcomes: Vec<_> = group
        .into_iter()
        .filter(|queued| !queued.answer.is_closed())
        .map(|queued| ((queued.run)(conn), queued.answer))
        .collect();
    match conn.execute_batch("COMMIT") {
        Ok(()) => {
            for (outcome, answer) in outcomes {
                let _ = answer.send(outcome.map_err(StoreError::from));
            }
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            for (_, answer) in outcomes {
                let _ = answer.send(Err(copy_of(&e)));
            }
        }
    }
}

fn fail_group(group: Vec<Queued>, e: &rusqlite::Error) {
    for queued in group {
        let _ = queued.answer.send(Err(copy_of(e)));
    }
}

/// The same error for every write of a group (rusqlite's errors do not clone); SQLite's own
/// codes kept, so that "busy" is still busy.
fn copy_of(e: &rusqlite::Error) -> StoreError {
    match e {
        rusqlite::Error::SqliteFailure(code, message) => {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(*code, message.clone()))
        }
        other => StoreError::Corrupt(other.to_string()),
    }
}

/// Runs `run` allowing SQLite's busy handler to wait up to `timeout` for a lock held
/// elsewhere (on the blocking pool: the handler sleeps), then back to not waiting.
fn waiting<T>(
    conn: &Connection,
    timeout: Duration,
    run: impl FnOnce() -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    conn.busy_timeout(timeout)?;
    let done = run();
    // Never fails (sqlite3_busy_timeout only stores it); `run`'s outcome is what counts.
    let _ = conn.busy_timeout(Duration::ZERO);
    done
}

/// How often the log is started again from the top. Measured with the round-trip bench:
/// every second the log grew enough for its copy to stall writes past a p99 of 50 ms at 64
/// concurrent; every 100 ms the waits for readers cost throughput.
const WAL_RESTART_EVERY: Duration = Duration::from_millis(300);

/// Keeps the write-ahead log short. SQLite's own checkpoints after a commit are passive:
/// with readers always in flight (a loaded server) they never get to start the log again
/// from the top, so under the round-trip bench it grew by 30 MB a second and every page
/// lookup searched it (and a commit past 1,000 frames ran a passive checkpoint of its own,
/// with an fsync, every time: the writer's are turned off in `Direct::open`). A restarting
/// checkpoint copies the log into the database and waits the moment it takes for the reads in
/// flight to finish — on the blocking pool, with this path's writes queued behind it. Ends
/// when the store is dropped.
///
/// Each round copies first without holding up writers (a passive checkpoint on a connection
/// of its own, with its fsyncs), then restarts the log holding the writer, which then has
/// only what came in meanwhile to copy and sync: writes wait on the disk for that part only
/// (on a disk that is slow or rate-limited, the whole copy's fsync behind the writer stalled
/// every write).
async fn keep_wal_short(
    path: PathBuf,
    writer: Weak<tokio::sync::Mutex<Connection>>,
    busy_timeout: Duration,
) {
    let copier = Connection::open_with_flags(
        &path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .and_then(|conn| {
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(Duration::ZERO)?;
        Ok(conn)
    });
    let mut copier = match copier {
        Ok(conn) => Some(conn),
        Err(error) => {
            tracing::warn!(%error, "write-ahead log copier not opened; restarts copy alone");
            None
        }
    };
    let mut ticks = tokio::time::interval(WAL_RESTART_EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if writer.strong_count() == 0 {
            return;
        }
        if let Some(conn) = copier.take() {
            // Busy (another checkpoint running) or failed: the restart below copies it all.
            copier = tokio::task::spawn_blocking(move || {
                let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                conn
            })
            .await
            .ok();
        }
        let Some(shared) = writer.upgrade() else {
            return;
        };
        let conn = shared.lock_owned().await;
        let checkpoint = tokio::task::spawn_blocking(move || {
            waiting(&conn, busy_timeout, || {
                conn.query_row("PRAGMA wal_checkpoint(RESTART)", [], |_| Ok(()))
            })
        })
        .await;
        match checkpoint {
            Ok(Ok(())) => {}
            Ok(Err(error)) => tracing::warn!(%error, "write-ahead log checkpoint failed"),
            Err(error) => tracing::warn!(%error, "write-ahead log checkpoint stopped"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database in WAL mode with a table whose odd numbers are refused.
    fn database() -> (tempfile::TempDir, PathBuf, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let setup = Connection::open(&path).unwrap();
        let _: String = setup
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .unwrap();
        setup
            .execute_batch("CREATE TABLE t (n INTEGER PRIMARY KEY CHECK (n % 2 = 0))")
            .unwrap();
        (dir, path, setup)
    }

    fn insert(n: i64) -> impl FnOnce(&Connection) -> rusqlite::Result<usize> + Send + 'static {
        move |conn| conn.execute("INSERT INTO t VALUES (?1)", [n])
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_group_of_writes_answers_each_with_its_own_outcome() {
        let (_dir, path, setup) = database();
        let direct = Arc::new(Direct::open(&path, Duration::from_secs(5)).unwrap());
        // Holding the writer makes all 64 queue, and the first to get it writes them as one group.
        let held = direct.writer.clone().lock_owned().await;
        let writes: Vec<_> = (0..64)
            .map(|n| {
                let direct = direct.clone();
                tokio::spawn(async move { direct.write(insert(n)).await })
            })
            .collect();
        while direct.queued.lock().unwrap().len() < 64 {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        drop(held);
        for (n, write) in writes.into_iter().enumerate() {
            match write.await.unwrap() {
                Ok(inserted) => assert!(n % 2 == 0 && inserted == 1, "{n} written"),
                Err(StoreError::Sqlite(e)) => assert!(n % 2 == 1, "{n} refused: {e}"),
                Err(other) => panic!("{n}: {other}"),
            }
        }
        // The refused statements were rolled back alone; every other write was committed.
        let count: i64 = setup
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 32);
    }

    /// A commit past 1,000 frames would otherwise copy the log, with its fsyncs, on the
    /// committing runtime thread.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_writer_leaves_copying_the_log_to_keep_wal_short() {
        let (_dir, path, _setup) = database();
        let direct = Direct::open(&path, Duration::from_secs(5)).unwrap();
        let writer = direct.writer.lock().await;
        let every: i64 = writer
            .pragma_query_value(None, "wal_autocheckpoint", |r| r.get(0))
            .unwrap();
        assert_eq!(every, 0, "the writer checkpoints every {every} frames");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_write_waits_for_the_write_lock_held_elsewhere_then_gives_up_as_busy() {
        let (_dir, path, blocker) = database();
        let direct = Direct::open(&path, Duration::from_millis(300)).unwrap();
        // Held for less than the busy timeout: the write waits, then succeeds.
        blocker.execute_batch("BEGIN IMMEDIATE").unwrap();
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(100));
            blocker.execute_batch("COMMIT").unwrap();
            blocker
        });
        assert_eq!(direct.write(insert(2)).await.unwrap(), 1);
        let blocker = release.join().unwrap();
        // Held past it: "busy", and nothing written.
        blocker.execute_batch("BEGIN IMMEDIATE").unwrap();
        let refused = direct.write(insert(4)).await.unwrap_err();
        assert!(refused.is_busy(), "{refused}");
        blocker.execute_batch("COMMIT").unwrap();
        let count: i64 = blocker
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 1);
    }
}
