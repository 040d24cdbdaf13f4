//! Applying the attempt limits of `domain::attempt_limit` to subjects kept in the store.

use super::error::ApiError;
use super::state::AppState;
use crate::domain::attempt_limit::AttemptLimit;

/// Refuses at once while the subject is locked out.
pub async fn ensure_open(state: &AppState, subject: &str) -> Result<(), ApiError> {
    let now = state.clock.now();
    match state.store.locked_until(subject).await? {
        Some(until) if until > now => Err(ApiError::too_many_attempts((until - now).num_seconds())),
        _ => Ok(()),
    }
}

/// Counts a failure. Returns the tries left, or the lock-out when this was the last one.
pub async fn record_failure(
    state: &AppState,
    subject: &str,
    limit: AttemptLimit,
) -> Result<u32, ApiError> {
    let now = state.clock.now();
    let failures = state
        .store
        .record_attempt_failure(subject, now, now - limit.window)
        .await?;
    if limit.locks_at(failures) {
        state
            .store
            .lock_subject(subject, now + limit.lock_for)
            .await?;
        return Err(ApiError::too_many_attempts(limit.lock_for.num_seconds()));
    }
    Ok(limit.left_after(failures))
}

/// Counts a failure against every subject and returns the refusal to give: the lock-out if
/// any subject just locked, otherwise `refusal` with the fewest tries left.
pub async fn refuse_counting(
    state: &AppState,
    subjects: &[(&str, AttemptLimit)],
    refusal: ApiError,
) -> ApiError {
    let mut left = u32::MAX;
    for (subject, limit) in subjects {
        match record_failure(state, subject, *limit).await {
            Ok(n) => left = left.min(n),
            Err(lock) => return lock,
        }
    }
    refusal.with_attempts_left(left)
}
