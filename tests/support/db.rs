//! Reading the backend's database directly, for what no API shows (what was recorded).

use sqlx::Connection;

use super::TestBackend;

/// The first column of the rows `sql` selects (as text), with `$1` bound to `param`.
pub async fn texts(t: &TestBackend, sql: &str, param: &str) -> Vec<String> {
    match &t.database_url {
        Some(url) => {
            let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::query_scalar(sql)
                .bind(param)
                .fetch_all(&mut conn)
                .await
                .unwrap()
        }
        None => {
            let db = t.data_dir.path().join("nhi.db");
            let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display()))
                .await
                .unwrap();
            sqlx::query_scalar(sql)
                .bind(param)
                .fetch_all(&mut conn)
                .await
                .unwrap()
        }
    }
}
