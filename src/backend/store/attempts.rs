//! Counters of failed attempts per subject ("phone-id:A123456789", "code-client:127.0.0.1"),
//! for the attempt limits that make codes and phone checks unguessable.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;

#[async_trait]
pub trait Attempts: Send + Sync + 'static {
    /// Until when the subject is locked out, if it is.
    async fn locked_until(&self, subject: &str) -> Result<Option<DateTime<Utc>>, StoreError>;
    /// Counts one failure, in one atomic step so concurrent guesses are all counted. A count
    /// whose window started at or before `window_cutoff` starts afresh. Returns the count.
    async fn record_attempt_failure(
        &self,
        subject: &str,
        now: DateTime<Utc>,
        window_cutoff: DateTime<Utc>,
    ) -> Result<u32, StoreError>;
    /// Locks the subject out until the given time and starts its count afresh.
    async fn lock_subject(&self, subject: &str, until: DateTime<Utc>) -> Result<(), StoreError>;
    async fn clear_attempts(&self, subject: &str) -> Result<(), StoreError>;
}
