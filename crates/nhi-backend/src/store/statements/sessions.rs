//! Every door's sessions, in one table with a kind.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::Engine;
use crate::store::{
    NewSession, SessionKind, SessionRecord, SessionWithCard, Sessions, StaffSessionRecord,
    StoreError,
};

#[async_trait]
impl Sessions for Engine {
    async fn insert_session(
        &self,
        token_hash: &[u8],
        session: NewSession<'_>,
    ) -> Result<(), StoreError> {
        insert(self.writer(), token_hash, &session).await
    }

    async fn find_person_session(
        &self,
        token_hash: &[u8],
        kind: SessionKind,
    ) -> Result<Option<SessionRecord>, StoreError> {
        // The busiest read of the backend: each engine runs it its own way (`round_trip`).
        self.read_session(token_hash, kind).await
    }

    async fn find_app_session_with_card(
        &self,
        token_hash: &[u8],
    ) -> Result<Option<SessionWithCard>, StoreError> {
        self.read_session_with_card(token_hash).await
    }

    async fn find_staff_session(
        &self,
        token_hash: &[u8],
        kind: SessionKind,
        now: DateTime<Utc>,
    ) -> Result<Option<StaffSessionRecord>, StoreError> {
        // Both sides are UTC timestamps encoded alike by sqlx, so text order is time order.
        Ok(sqlx::query_as(
            "SELECT holder, hpc_id, created_at, expires_at FROM sessions \
             WHERE token_hash = $1 AND kind = $2 AND expires_at > $3",
        )
        .bind(token_hash)
        .bind(kind.as_str())
        .bind(now)
        .fetch_optional(self.reader())
        .await?)
    }

    async fn extend_session(
        &self,
        token_hash: &[u8],
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET expires_at = $1 WHERE token_hash = $2")
            .bind(expires_at)
            .bind(token_hash)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    async fn delete_session(&self, token_hash: &[u8]) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.writer())
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn delete_sessions_expired_by(&self, now: DateTime<Utc>) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(self.writer())
            .await?;
        Ok(done.rows_affected())
    }
}

/// Inserts a session, on the pool or in the caller's write (quick sign-in starts its session
/// in the write that re-checks the key).
pub(super) async fn insert<'e, E>(
    executor: E,
    token_hash: &[u8],
    session: &NewSession<'_>,
) -> Result<(), StoreError>
where
    E: sqlx::Executor<'e, Database = super::EngineDb>,
{
    sqlx::query(
        "INSERT INTO sessions (token_hash, kind, holder, hpc_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token_hash)
    .bind(session.kind.as_str())
    .bind(session.holder)
    .bind(session.hpc_id)
    .bind(session.created_at)
    .bind(session.expires_at)
    .execute(executor)
    .await?;
    Ok(())
}
