//! The store for running at scale: PostgreSQL, shared by every backend instance, migrated
//! on open (`migrations/postgres`). The same statements as the SQLite store
//! (`store/statements`); where SQLite's single writer made a read-then-write safe, the
//! transaction here takes the person's advisory lock so that two instances cannot interleave.

// The statements, shared with the SQLite store (`store/statements`); this module gives them
// their engine: `Engine`, `EngineDb`, `EngineRow`, the pool, how a write transaction begins,
// and the per-person advisory lock.
// Compiled once per engine on purpose: the same statements, each engine's types.
#[allow(clippy::duplicate_mod)]
#[path = "../statements/mod.rs"]
mod statements;

use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::PgPool;

use super::StoreError;

/// How the backend connects to PostgreSQL.
#[derive(Debug, Clone)]
pub struct PostgresSettings {
    /// `postgres://user@host:port/database` (or a Unix socket: `?host=/run/postgresql`).
    pub url: String,
    /// Connections this instance keeps open at most. Every instance has its own pool: the
    /// server's `max_connections` must cover them all.
    pub max_connections: u32,
    /// A statement running longer than this is cancelled by the server.
    pub statement_timeout: Duration,
    /// How long a request waits for a free connection before the answer is 503.
    pub acquire_timeout: Duration,
}

impl PostgresSettings {
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            max_connections: 16,
            statement_timeout: Duration::from_secs(5),
            acquire_timeout: Duration::from_secs(3),
        }
    }
}

pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects and brings the schema up to date. Two instances starting together migrate
    /// once: sqlx takes an advisory lock around the migration.
    pub async fn open(settings: &PostgresSettings) -> Result<Self, StoreError> {
        let options: PgConnectOptions = settings.url.parse()?;
        // Say where without the password the URL may carry.
        let at = format!(
            "{}:{}/{}",
            options.get_host(),
            options.get_port(),
            options.get_database().unwrap_or_default()
        );
        let timeout_ms = settings.statement_timeout.as_millis().to_string();
        let options = options.options([("statement_timeout", timeout_ms.as_str())]);
        let pool = PgPoolOptions::new()
            .max_connections(settings.max_connections)
            .acquire_timeout(settings.acquire_timeout)
            // No ping before each statement: it was one more round trip to the server for
            // every statement (a third of the round trip's), and a connection that broke is
            // found by its statement's error and closed just the same.
            .test_before_acquire(false)
            .connect_with(options)
            .await
            .map_err(|source| StoreError::Unreachable { at, source })?;
        let migrator = sqlx::migrate!("./migrations/postgres");
        match migrator.run(&pool).await {
            Ok(()) => {}
            Err(sqlx::migrate::MigrateError::VersionMissing(v)) => {
                return Err(StoreError::SchemaTooNew(v))
            }
            Err(e) => return Err(e.into()),
        }
        let store = Self { pool };
        store.define_functions().await?;
        Ok(store)
    }

    /// The server-side function a card's use goes through (`RECORD_CARD_USE`), defined anew
    /// from this build's statement at every start, by one instance at a time.
    async fn define_functions(&self) -> Result<(), StoreError> {
        let _one_at_a_time = self.wait_for_job("define functions").await?;
        sqlx::raw_sql(&RECORD_CARD_USE).execute(&self.pool).await?;
        sqlx::raw_sql(USE_OWN_CODE).execute(&self.pool).await?;
        Ok(())
    }

    /// Waits until no other instance runs the job called `name`, then holds its lock until
    /// the returned value is dropped.
    pub async fn wait_for_job(&self, name: &str) -> Result<ExclusiveJob, StoreError> {
        self.job_lock(
            name,
            "SELECT TRUE FROM (SELECT pg_advisory_lock(hashtext($1))) AS locked",
        )
        .await
        .map(|job| job.expect("a lock waited for is held"))
    }

    /// The session-level advisory lock called `name`, on a connection of its own, when `sql`
    /// (taking the lock, or trying to) answers true.
    async fn job_lock(&self, name: &str, sql: &str) -> Result<Option<ExclusiveJob>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let got: bool = sqlx::query_scalar(sql)
            .bind(name)
            .fetch_one(&mut *conn)
            .await?;
        Ok(got.then(|| ExclusiveJob {
            conn: Some(conn),
            name: name.to_owned(),
        }))
    }
}

/// Background jobs (the session sweep, the demo auto-approval) run on one instance at a time:
/// the others skip the round while one holds the job's lock.
#[async_trait::async_trait]
impl super::Jobs for PostgresStore {
    async fn try_job(&self, name: &str) -> Result<Option<super::JobLock>, StoreError> {
        Ok(self
            .job_lock(name, "SELECT pg_try_advisory_lock(hashtext($1))")
            .await?
            .map(|job| Box::new(job) as super::JobLock))
    }
}

/// A job's lock: released when dropped (the connection's session ends its advisory lock
/// when the connection is closed).
pub struct ExclusiveJob {
    conn: Option<sqlx::pool::PoolConnection<sqlx::Postgres>>,
    name: String,
}

impl Drop for ExclusiveJob {
    fn drop(&mut self) {
        // An advisory lock lives as long as its session: close this connection rather than
        // give it back to the pool still holding the lock.
        if let Some(conn) = self.conn.take() {
            tracing::trace!(job = %self.name, "job lock released");
            drop(conn.detach());
        }
    }
}

type Engine = PostgresStore;
type EngineDb = sqlx::Postgres;
type EngineRow = sqlx::postgres::PgRow;

impl PostgresStore {
    fn reader(&self) -> &PgPool {
        &self.pool
    }

    fn writer(&self) -> &PgPool {
        &self.pool
    }

    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error> {
        self.pool.begin().await
    }

    async fn read_session(
        &self,
        token_hash: &[u8],
        kind: super::SessionKind,
    ) -> Result<Option<super::SessionRecord>, StoreError> {
        Ok(sqlx::query_as(&statements::round_trip::SESSION)
            .bind(token_hash)
            .bind(kind.as_str())
            .fetch_optional(&self.pool)
            .await?)
    }

    async fn read_session_with_card(
        &self,
        token_hash: &[u8],
    ) -> Result<Option<super::SessionWithCard>, StoreError> {
        Ok(
            sqlx::query_as(&statements::round_trip::APP_SESSION_WITH_CARD)
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    async fn read_current_application(
        &self,
        id: &nhi_core::domain::IdNumber,
    ) -> Result<Option<super::Application>, StoreError> {
        Ok(sqlx::query_as(&statements::round_trip::CURRENT_APPLICATION)
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await?)
    }

    async fn read_card_at_counter(
        &self,
        number: i64,
    ) -> Result<Option<super::CardAtCounter>, StoreError> {
        Ok(sqlx::query_as(&statements::round_trip::CARD_AT_COUNTER)
            .bind(number)
            .fetch_optional(&self.pool)
            .await?)
    }

    async fn own_code_in_one_statement(
        &self,
        code: &super::OwnCodeUse<'_>,
    ) -> Result<Option<(super::CardAtCounter, i64)>, StoreError> {
        #[derive(sqlx::FromRow)]
        struct Used {
            taken: i64,
            #[sqlx(flatten)]
            card: super::CardAtCounter,
        }
        let used: Option<Used> = sqlx::query_as(&OWN_CODE_USED)
            .bind(code.serial)
            .bind(code.application_id)
            .bind(code.year)
            .bind(code.used_at)
            .bind(code.institution)
            .bind(i64::from(code.max_visits))
            .bind(nhi_core::domain::taiwan_time::date(code.used_at))
            .bind(code.photo_kept)
            .fetch_optional(&self.pool)
            .await?;
        Ok(used.map(|u| (u.card, u.taken)))
    }

    /// Under the person's lock: two uses of one person on two instances take turns. One
    /// statement, one round trip, one transaction: the function takes the lock, then records
    /// the use with a snapshot taken after it (`RECORD_CARD_USE`).
    async fn take_visit_number(
        &self,
        u: &super::QrUse,
        year: i32,
        max_visits: u32,
    ) -> Result<Option<i64>, StoreError> {
        let query = sqlx::query_scalar(
            "SELECT nhi_record_card_use($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        );
        Ok(
            statements::card_qrs::bind_qr_use(query, u, year, max_visits)
                .fetch_one(&self.pool)
                .await?,
        )
    }
}

/// A holder's own code used and the card read back, in one statement and one round trip
/// (`CardQrs::use_own_code_at_once`): the use through `nhi_use_own_code` (below), evaluated
/// once (a materialised CTE), then the card as `round_trip::CARD_AT_COUNTER` reads it — but
/// without the counter photo when it is upload `$8`, which the caller has: its 15 kB are
/// neither read from the table's TOAST nor sent (perf at 64 concurrent: decompressing and
/// copying it was about a tenth of the server's time).
static OWN_CODE_USED: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "WITH used AS MATERIALIZED (SELECT nhi_use_own_code($1, $2, $3, $4, $5, $6, $7) AS taken) \
         SELECT used.taken, {PERSON_COLUMNS}, a.status, a.photo_upload, \
         CASE WHEN a.photo_upload IS DISTINCT FROM $8 THEN c.jpeg END AS counter_photo \
         FROM used CROSS JOIN card_applications a JOIN persons p ON p.id_number = a.id_number \
         LEFT JOIN counter_photos c ON c.upload_id = a.photo_upload \
         WHERE a.id = $2 AND used.taken IS NOT NULL",
        PERSON_COLUMNS = statements::PERSON_COLUMNS
    )
});

/// The use of a holder's own code (serial, application, year, used at, institution, maximum,
/// today): the holder is the application's, then `nhi_record_card_use` as for any use —
/// under the holder's lock, with every check inside the write. NULL, with nothing written,
/// when there is no such application or its approved photo has no counter copy yet (making
/// one is image work, done before a use is recorded: the caller goes the usual way).
const USE_OWN_CODE: &str = "CREATE OR REPLACE FUNCTION nhi_use_own_code(BYTEA, BIGINT, INTEGER, \
     TIMESTAMPTZ, TEXT, BIGINT, DATE) RETURNS BIGINT LANGUAGE plpgsql AS $f$ \
     DECLARE holder TEXT; photo_missing BOOLEAN; \
     BEGIN \
     SELECT a.id_number, a.status = 'approved' AND NOT EXISTS (SELECT 1 FROM counter_photos c \
         WHERE c.upload_id = a.photo_upload) INTO holder, photo_missing \
     FROM card_applications a WHERE a.id = $2; \
     IF holder IS NULL OR photo_missing THEN RETURN NULL; END IF; \
     RETURN nhi_record_card_use($1, holder, $3, $2, NULL, NULL, $4, $5, $6, FALSE, $7); \
     END $f$";

/// A card's use on PostgreSQL as one statement: the holder's lock (`lock_person`), then the
/// use and its visit number (`round_trip::INSERT_QR_USE`, the very statement SQLite runs,
/// taking the function's parameters as its own `$1`…`$11`). In PL/pgSQL each statement sees
/// the data as of its own start, so the insert reads the highest visit number — and the
/// card's and the authorization's state — only once the lock is held: what a cancellation
/// that held it committed is seen. The lock ends with the statement's transaction.
static RECORD_CARD_USE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "CREATE OR REPLACE FUNCTION nhi_record_card_use(BYTEA, TEXT, INTEGER, BIGINT, BIGINT, \
         TEXT, TIMESTAMPTZ, TEXT, BIGINT, BOOLEAN, DATE) RETURNS BIGINT LANGUAGE plpgsql AS $f$ \
         DECLARE taken BIGINT; \
         BEGIN \
         PERFORM pg_advisory_xact_lock(hashtext('person:' || $2)); \
         {} INTO taken; \
         RETURN taken; \
         END $f$",
        statements::round_trip::INSERT_QR_USE
    )
});

/// Makes the transaction's other steps for this person wait for (or be waited for by) any
/// other transaction of the same person, on every instance, until commit or rollback.
async fn lock_person(
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
    id_number: &str,
) -> Result<(), StoreError> {
    sqlx::query("SELECT pg_advisory_xact_lock(hashtext('person:' || $1))")
        .bind(id_number)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
