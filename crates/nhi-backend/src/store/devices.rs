//! Device bindings and the one-time secrets that create them.

use super::columns::Column;
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;
use nhi_core::domain::IdNumber;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DeviceBinding {
    pub device_id: String,
    #[sqlx(try_from = "Column<IdNumber>")]
    pub id_number: IdNumber,
    pub device_key_hash: Vec<u8>,
    pub label: String,
    pub bound_via: String,
    pub bound_at: DateTime<Utc>,
    pub active: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    /// Issued when the telecom confirmed the phone path; spent on setting the password.
    PhoneTicket,
    /// The website's 8-character device verification code.
    DeviceCode,
}

impl SecretKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SecretKind::PhoneTicket => "phone_ticket",
            SecretKind::DeviceCode => "device_code",
        }
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BindingSecret {
    #[sqlx(try_from = "Column<IdNumber>")]
    pub id_number: IdNumber,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
}

#[async_trait]
pub trait Devices: Send + Sync + 'static {
    /// Binds (or binds anew) a device to an ID and makes it the ID's only active device; the
    /// ID's app sessions end.
    async fn bind_device(&self, binding: &DeviceBinding) -> Result<(), StoreError>;
    async fn find_binding(
        &self,
        device_id: &str,
        id: &IdNumber,
    ) -> Result<Option<DeviceBinding>, StoreError>;
    /// Every device ever bound to the ID, newest first.
    async fn bindings_of(&self, id: &IdNumber) -> Result<Vec<DeviceBinding>, StoreError>;
    /// Makes this device the active one, ending the ID's app sessions; false when the ID has
    /// no such device.
    async fn activate_device(&self, device_id: &str, id: &IdNumber) -> Result<bool, StoreError>;

    async fn insert_secret(
        &self,
        hash: &[u8],
        kind: SecretKind,
        id: &IdNumber,
        created_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    async fn find_secret(
        &self,
        hash: &[u8],
        kind: SecretKind,
    ) -> Result<Option<BindingSecret>, StoreError>;
    /// Marks the secret used if it was not; true only for the one caller that spent it, so
    /// two devices racing with the same code cannot both win.
    async fn spend_secret(&self, hash: &[u8], at: DateTime<Utc>) -> Result<bool, StoreError>;
    /// Voids the ID's unused secrets of a kind (a new code replaces the old one).
    async fn void_secrets(
        &self,
        id: &IdNumber,
        kind: SecretKind,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
}
