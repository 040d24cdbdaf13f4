//! The store a test backend uses: SQLite in its data directory by default; PostgreSQL when
//! `NHI_TEST_DATABASE_URL` names a server's maintenance database (the test command starts a
//! throwaway cluster and runs the suite a second time so). Each backend then gets a database
//! of its own, so tests running side by side never see each other's data.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::Connection;

/// The variable naming the maintenance database, e.g.
/// `postgres://postgres@localhost/postgres?host=/tmp/pg&port=55432`.
pub const URL_VAR: &str = "NHI_TEST_DATABASE_URL";

/// True (and says so) when the suite runs on PostgreSQL and the calling test examines the
/// SQLite file itself (its bytes, its locks): the SQLite run covers it.
pub fn skip_sqlite_only(test: &str) -> bool {
    let on_postgres = std::env::var_os(URL_VAR).is_some();
    if on_postgres {
        eprintln!("{test}: examines the SQLite file; covered by the SQLite run");
    }
    on_postgres
}

/// A new, empty database on the test server, or `None` when the suite runs on SQLite.
pub async fn fresh_database() -> Option<String> {
    let admin = std::env::var(URL_VAR).ok()?;
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "nhi_test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .expect("the test PostgreSQL server answers");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .expect("a test database");
    Some(in_database(&admin, &name))
}

/// The URL of database `name` on the server of `admin` (the path names the database).
pub fn in_database(admin: &str, name: &str) -> String {
    let (before_query, query) = admin.split_once('?').unwrap_or((admin, ""));
    let server = before_query
        .rsplit_once('/')
        .map_or(before_query, |(s, _)| s);
    if query.is_empty() {
        format!("{server}/{name}")
    } else {
        format!("{server}/{name}?{query}")
    }
}
