//! Quick sign-in keys and challenges.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{lock_person, Engine};
use crate::store::{
    ChallengeFor, KeyInUse, NewSession, QuickSignInKeyRecord, QuickSignInKeys, SpentChallenge,
    StoreError,
};
use nhi_core::domain::IdNumber;

const KEY_COLUMNS: &str = "device_id, public_key, label, enrolled_at, last_used_at, passkey";

#[async_trait]
impl QuickSignInKeys for Engine {
    async fn insert_challenge(
        &self,
        hash: &[u8],
        c: ChallengeFor<'_>,
        expires_at: DateTime<Utc>,
        state: Option<&str>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO quick_sign_in_challenges \
             (challenge_hash, purpose, id_number, device_id, expires_at, state) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(hash)
        .bind(c.kind.as_str())
        .bind(c.id.as_str())
        .bind(c.device_id)
        .bind(expires_at)
        .bind(state)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    async fn spend_challenge(
        &self,
        hash: &[u8],
        c: ChallengeFor<'_>,
        at: DateTime<Utc>,
    ) -> Result<SpentChallenge, StoreError> {
        let spent: Option<(DateTime<Utc>, Option<String>)> = sqlx::query_as(
            "UPDATE quick_sign_in_challenges SET used_at = $1 \
             WHERE challenge_hash = $2 AND purpose = $3 AND id_number = $4 AND device_id = $5 \
             AND used_at IS NULL RETURNING expires_at, state",
        )
        .bind(at)
        .bind(hash)
        .bind(c.kind.as_str())
        .bind(c.id.as_str())
        .bind(c.device_id)
        .fetch_optional(self.writer())
        .await?;
        Ok(match spent {
            Some((until, state)) if until > at => SpentChallenge::Fresh(state),
            Some(_) => SpentChallenge::Expired,
            None => SpentChallenge::Unknown,
        })
    }

    async fn sweep_challenges(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM quick_sign_in_challenges WHERE expires_at < $1")
            .bind(before)
            .execute(self.writer())
            .await?;
        Ok(done.rows_affected())
    }

    async fn enrol_key(
        &self,
        id: &IdNumber,
        key: &QuickSignInKeyRecord,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        lock_person(&mut tx, id.as_str()).await?;
        let done = sqlx::query(
            "INSERT INTO quick_sign_in_keys \
             (id_number, device_id, public_key, label, enrolled_at, last_used_at, passkey) \
             SELECT $1, $2, $3, $4, $5, NULL, $6 WHERE EXISTS (SELECT 1 FROM device_bindings b \
             WHERE b.id_number = $1 AND b.device_id = $2 AND b.active) \
             ON CONFLICT (id_number, device_id) DO UPDATE SET public_key = excluded.public_key, \
             label = excluded.label, enrolled_at = excluded.enrolled_at, last_used_at = NULL, \
             passkey = excluded.passkey",
        )
        .bind(id.as_str())
        .bind(&key.device_id)
        .bind(&key.public_key)
        .bind(&key.label)
        .bind(key.enrolled_at)
        .bind(&key.passkey)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() == 1)
    }

    async fn find_key(
        &self,
        id: &IdNumber,
        device_id: &str,
    ) -> Result<Option<QuickSignInKeyRecord>, StoreError> {
        let sql = format!(
            "SELECT {KEY_COLUMNS} FROM quick_sign_in_keys WHERE id_number = $1 AND device_id = $2"
        );
        Ok(sqlx::query_as(&sql)
            .bind(id.as_str())
            .bind(device_id)
            .fetch_optional(self.reader())
            .await?)
    }

    async fn keys_of(&self, id: &IdNumber) -> Result<Vec<QuickSignInKeyRecord>, StoreError> {
        let sql = format!(
            "SELECT {KEY_COLUMNS} FROM quick_sign_in_keys WHERE id_number = $1 \
             ORDER BY enrolled_at DESC, device_id"
        );
        Ok(sqlx::query_as(&sql)
            .bind(id.as_str())
            .fetch_all(self.reader())
            .await?)
    }

    async fn delete_key(&self, id: &IdNumber, device_id: &str) -> Result<bool, StoreError> {
        let done =
            sqlx::query("DELETE FROM quick_sign_in_keys WHERE id_number = $1 AND device_id = $2")
                .bind(id.as_str())
                .bind(device_id)
                .execute(self.writer())
                .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn start_session_with_key(
        &self,
        key: KeyInUse<'_>,
        token_hash: &[u8],
        session: NewSession<'_>,
    ) -> Result<bool, StoreError> {
        let KeyInUse {
            id,
            device_id,
            public_key,
            updated_passkey,
        } = key;
        // Under the person's lock a device switch or a password reset (which remove keys and
        // end sessions under it too) is either wholly before this or wholly after.
        let mut tx = self.begin_write().await?;
        lock_person(&mut tx, id.as_str()).await?;
        let still = sqlx::query(
            "UPDATE quick_sign_in_keys SET last_used_at = $1, passkey = COALESCE($5, passkey) \
             WHERE id_number = $2 AND device_id = $3 AND public_key = $4 \
             AND EXISTS (SELECT 1 FROM device_bindings b \
             WHERE b.id_number = $2 AND b.device_id = $3 AND b.active)",
        )
        .bind(session.created_at)
        .bind(id.as_str())
        .bind(device_id)
        .bind(public_key)
        .bind(updated_passkey)
        .execute(&mut *tx)
        .await?;
        if still.rows_affected() != 1 {
            return Ok(false);
        }
        super::sessions::insert(&mut *tx, token_hash, &session).await?;
        tx.commit().await?;
        Ok(true)
    }
}

/// Removes the ID's quick sign-in keys, in the caller's write: a password reset and a switch
/// of the active device make every device enrol again.
pub(super) async fn remove_keys_of(
    tx: &mut sqlx::Transaction<'_, super::EngineDb>,
    id: &str,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM quick_sign_in_keys WHERE id_number = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
