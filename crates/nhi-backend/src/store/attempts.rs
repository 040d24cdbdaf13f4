//! Counters of attempts per subject ("password-id:A123456789", "code-client:127.0.0.1"), for
//! the attempt limits that make passwords, codes and PINs unguessable.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;

#[async_trait]
pub trait Attempts: Send + Sync + 'static {
    /// Reserves one try in one atomic step, before the secret is checked, and returns its
    /// ordinal (1, 2, …) within the window; `None` while the subject is locked or already has
    /// `max` tries counted, so concurrent guesses beyond the limit are never checked. A count
    /// whose window started at or before `window_cutoff`, or whose lock has ended, starts
    /// afresh.
    async fn reserve_attempt(
        &self,
        subject: &str,
        now: DateTime<Utc>,
        window_cutoff: DateTime<Utc>,
        max: u32,
    ) -> Result<Option<u32>, StoreError>;
    /// Until when the subject is locked out, if it is.
    async fn locked_until(&self, subject: &str) -> Result<Option<DateTime<Utc>>, StoreError>;
    /// Locks the subject out until the given time.
    async fn lock_subject(&self, subject: &str, until: DateTime<Utc>) -> Result<(), StoreError>;
    /// Forgets the subject's count and lock.
    async fn clear_attempts(&self, subject: &str) -> Result<(), StoreError>;
    /// Forgets the subject's count if try `ordinal` is its latest (no try was reserved after
    /// it) and the count is below `max` (no try is waiting for a place); whether it did.
    async fn clear_attempts_after(
        &self,
        subject: &str,
        ordinal: u32,
        max: u32,
    ) -> Result<bool, StoreError>;
    /// Forgets counts untouched since `before` (their windows and locks long over), except
    /// professional cards' PIN counts, which last until the institution unblocks the card.
    async fn sweep_attempts(&self, before: DateTime<Utc>) -> Result<u64, StoreError>;
    /// Gives back one reserved try (a success on a shared subject), unless it is locked.
    async fn refund_attempt(&self, subject: &str) -> Result<(), StoreError>;
}
