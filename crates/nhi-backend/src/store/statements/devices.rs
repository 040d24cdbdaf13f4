//! Device bindings and binding secrets.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{lock_person, Engine, EngineDb};
use crate::store::{BindingSecret, DeviceBinding, Devices, SecretKind, StoreError};
use nhi_core::domain::IdNumber;

const BINDING_COLUMNS: &str =
    "device_id, id_number, device_key_hash, label, bound_via, bound_at, active";

#[async_trait]
impl Devices for Engine {
    async fn bind_device(&self, b: &DeviceBinding) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        lock_person(&mut tx, b.id_number.as_str()).await?;
        sqlx::query("UPDATE device_bindings SET active = FALSE WHERE id_number = $1")
            .bind(b.id_number.as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO device_bindings (device_id, id_number, device_key_hash, label, bound_via, \
             bound_at, active) VALUES ($1, $2, $3, $4, $5, $6, TRUE) \
             ON CONFLICT (device_id, id_number) DO UPDATE SET \
             device_key_hash = excluded.device_key_hash, label = excluded.label, \
             bound_via = excluded.bound_via, bound_at = excluded.bound_at, active = TRUE",
        )
        .bind(&b.device_id)
        .bind(b.id_number.as_str())
        .bind(&b.device_key_hash)
        .bind(&b.label)
        .bind(&b.bound_via)
        .bind(b.bound_at)
        .execute(&mut *tx)
        .await?;
        end_app_sessions(&mut tx, b.id_number.as_str()).await?;
        super::quick_sign_in::remove_keys_of(&mut tx, b.id_number.as_str()).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn find_binding(
        &self,
        device_id: &str,
        id: &IdNumber,
    ) -> Result<Option<DeviceBinding>, StoreError> {
        let sql = format!(
            "SELECT {BINDING_COLUMNS} FROM device_bindings WHERE device_id = $1 AND id_number = $2"
        );
        Ok(sqlx::query_as::<_, DeviceBinding>(&sql)
            .bind(device_id)
            .bind(id.as_str())
            .fetch_optional(self.reader())
            .await?)
    }

    async fn bindings_of(&self, id: &IdNumber) -> Result<Vec<DeviceBinding>, StoreError> {
        let sql = format!(
            "SELECT {BINDING_COLUMNS} FROM device_bindings WHERE id_number = $1 \
             ORDER BY bound_at DESC"
        );
        Ok(sqlx::query_as::<_, DeviceBinding>(&sql)
            .bind(id.as_str())
            .fetch_all(self.reader())
            .await?)
    }

    async fn activate_device(&self, device_id: &str, id: &IdNumber) -> Result<bool, StoreError> {
        // Concurrent switches for one person (on any instance) queue on the person's lock.
        let mut tx = self.begin_write().await?;
        lock_person(&mut tx, id.as_str()).await?;
        let exists: Option<i64> = sqlx::query_scalar(
            "SELECT CAST(1 AS BIGINT) FROM device_bindings WHERE device_id = $1 AND id_number = $2",
        )
        .bind(device_id)
        .bind(id.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        if exists.is_none() {
            return Ok(false);
        }
        sqlx::query("UPDATE device_bindings SET active = FALSE WHERE id_number = $1")
            .bind(id.as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE device_bindings SET active = TRUE WHERE device_id = $1 AND id_number = $2",
        )
        .bind(device_id)
        .bind(id.as_str())
        .execute(&mut *tx)
        .await?;
        end_app_sessions(&mut tx, id.as_str()).await?;
        super::quick_sign_in::remove_keys_of(&mut tx, id.as_str()).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn insert_secret(
        &self,
        hash: &[u8],
        kind: SecretKind,
        id: &IdNumber,
        created_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO binding_secrets (secret_hash, kind, id_number, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(hash)
        .bind(kind.as_str())
        .bind(id.as_str())
        .bind(created_at)
        .bind(expires_at)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    async fn find_secret(
        &self,
        hash: &[u8],
        kind: SecretKind,
    ) -> Result<Option<BindingSecret>, StoreError> {
        Ok(sqlx::query_as::<_, BindingSecret>(
            "SELECT id_number, expires_at, used_at FROM binding_secrets \
             WHERE secret_hash = $1 AND kind = $2",
        )
        .bind(hash)
        .bind(kind.as_str())
        .fetch_optional(self.reader())
        .await?)
    }

    async fn spend_secret(&self, hash: &[u8], at: DateTime<Utc>) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE binding_secrets SET used_at = $1 WHERE secret_hash = $2 AND used_at IS NULL",
        )
        .bind(at)
        .bind(hash)
        .execute(self.writer())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn void_secrets(
        &self,
        id: &IdNumber,
        kind: SecretKind,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE binding_secrets SET used_at = $1 \
             WHERE id_number = $2 AND kind = $3 AND used_at IS NULL",
        )
        .bind(at)
        .bind(id.as_str())
        .bind(kind.as_str())
        .execute(self.writer())
        .await?;
        Ok(())
    }
}

/// A new binding or another active device ends the ID's app sessions: the API is open only to
/// the device that is active now, which signs in again.
async fn end_app_sessions(
    tx: &mut sqlx::Transaction<'_, EngineDb>,
    id: &str,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE holder = $1 AND kind = 'app'")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
