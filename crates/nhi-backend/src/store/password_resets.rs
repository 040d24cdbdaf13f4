//! One-time links that set a forgotten password anew.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;
use nhi_core::domain::IdNumber;

#[async_trait]
pub trait PasswordResets: Send + Sync + 'static {
    /// Keeps a new link for the ID's account (with `code_hash`: reached by an SMS code, not
    /// mailed); the ID's links not yet used stop working.
    async fn insert_password_reset(
        &self,
        token_hash: &[u8],
        code_hash: Option<&[u8]>,
        id: &IdNumber,
        created_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// Trades the ID's SMS code (once, while unexpired at `now`) for the link `new_token_hash`
    /// names. False when the code is not the ID's live one.
    async fn redeem_reset_code(
        &self,
        id: &IdNumber,
        code_hash: &[u8],
        new_token_hash: &[u8],
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// Whose account the link opens, while it is unused and unexpired at `now`.
    async fn find_password_reset(
        &self,
        token_hash: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Option<IdNumber>, StoreError>;
    /// In one transaction: uses the link (once, while unexpired at `now`), sets the account's
    /// password, and ends every app and website session of the ID. `None`: the link was
    /// used, replaced or expired, and nothing changed.
    async fn reset_password(
        &self,
        token_hash: &[u8],
        password_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<IdNumber>, StoreError>;
}
