//! The one attempt limiter every guessable secret goes through (passwords, card digits,
//! device and authorization codes, the website's card reader and certificate, clinic PINs
//! and SAM keys, the reviewer console).
//!
//! A try is *reserved* in the store before the secret is checked, in one atomic statement
//! per subject, so of 64 concurrent guesses at most the limit are checked and the rest are
//! refused unseen — including a right one arriving once the subject is locked.
//!
//! ```text
//! let attempt = attempt_guard::reserve(&state, &[(subject, LIMIT)]).await?;
//! if !secret_matches { return Err(attempt.refuse(wrong_secret_error).await); }
//! attempt.succeeded().await?;
//! ```

use std::time::Duration;

use crate::error::ApiError;
use crate::state::AppState;
use nhi_core::domain::attempt_limit::AttemptLimit;

/// How long a try waits for the tries in flight on its subject to settle.
const WAIT_FOR_TRIES_IN_FLIGHT: Duration = Duration::from_secs(2);
const POLL_TRIES_IN_FLIGHT: Duration = Duration::from_millis(5);

/// The subject is locked out, or has as many tries in flight as its limit allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lockout {
    pub seconds: i64,
}

impl Lockout {
    /// The wait in whole minutes, as pages say it (at least one).
    pub fn minutes(self) -> u64 {
        (self.seconds.max(1) as u64).div_ceil(60)
    }
}

impl From<Lockout> for ApiError {
    fn from(lockout: Lockout) -> Self {
        ApiError::too_many_attempts(lockout.seconds)
    }
}

/// What a failed try leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// The fewest tries left over the subjects.
    TriesLeft(u32),
    /// This failure locked a subject.
    Locked(Lockout),
}

/// Tries reserved against one or more subjects, to be settled by the caller. A try that is
/// never settled stays counted as a failure without locking anything: the safe side.
#[must_use = "settle the attempt with succeeded(), failed(), refuse() or release()"]
pub struct Attempt<'a> {
    state: &'a AppState,
    held: Vec<(String, AttemptLimit, u32)>,
}

/// Reserves one try against every subject, in order. If any refuses, the tries already
/// reserved are given back and the caller gets `too_many_attempts`.
pub async fn reserve<'a>(
    state: &'a AppState,
    subjects: &[(String, AttemptLimit)],
) -> Result<Attempt<'a>, ApiError> {
    Ok(try_reserve(state, subjects).await??)
}

/// Counts one action against a rate (mails a stranger could cause: reset links, confirmation
/// links): the try is never given back, so each action uses up its place in the window.
/// `Err(lockout)` when the rate is spent; nothing should be done then.
pub async fn count_against(
    state: &AppState,
    subjects: &[(String, AttemptLimit)],
) -> Result<Result<(), Lockout>, ApiError> {
    match try_reserve(state, subjects).await? {
        Ok(attempt) => {
            attempt.failed().await?;
            Ok(Ok(()))
        }
        Err(lockout) => Ok(Err(lockout)),
    }
}

/// As [`reserve`], for callers that answer a lock-out in their own words (a locked account).
pub async fn try_reserve<'a>(
    state: &'a AppState,
    subjects: &[(String, AttemptLimit)],
) -> Result<Result<Attempt<'a>, Lockout>, ApiError> {
    let mut attempt = Attempt {
        state,
        held: Vec::with_capacity(subjects.len()),
    };
    for (subject, limit) in subjects {
        let mut waited = Duration::ZERO;
        loop {
            let now = state.clock.now();
            let ordinal = state
                .store
                .reserve_attempt(subject, now, now - limit.window, limit.max_failures)
                .await?;
            if let Some(n) = ordinal {
                attempt.held.push((subject.clone(), *limit, n));
                break;
            }
            let until = state.store.locked_until(subject).await?;
            let locked = until.is_some_and(|u| u > now);
            // Not locked but full: the owner's tries in flight (a busy clinic's counters all
            // using one professional card). They settle in milliseconds, so wait for a free
            // place rather than refuse a right secret; guesses still queue behind the limit.
            if !locked && limit.reset_on_success && waited < WAIT_FOR_TRIES_IN_FLIGHT {
                tokio::time::sleep(POLL_TRIES_IN_FLIGHT).await;
                waited += POLL_TRIES_IN_FLIGHT;
                continue;
            }
            let seconds = until
                .filter(|_| locked)
                .map_or(limit.lock_for, |u| u - now)
                .num_seconds();
            attempt.release().await;
            return Ok(Err(Lockout { seconds }));
        }
    }
    Ok(Ok(attempt))
}

impl Attempt<'_> {
    /// The ordinal of this try against the first subject (1 for the first try in a row).
    pub fn ordinal(&self) -> u32 {
        self.held.first().map_or(0, |(_, _, n)| *n)
    }

    /// The secret was right: an owner's count starts afresh (a typo or two forgotten), shared
    /// subjects get the try back. Amid other tries — reserved after this one, or waiting for
    /// a place — a right secret gives back its own place and no more: a burst of guesses
    /// that holds the right one among them still has only the limit's places for the rest.
    pub async fn succeeded(self) -> Result<(), ApiError> {
        for (subject, limit, ordinal) in &self.held {
            let cleared = limit.reset_on_success
                && self
                    .state
                    .store
                    .clear_attempts_after(subject, *ordinal, limit.max_failures)
                    .await?;
            if !cleared {
                self.state.store.refund_attempt(subject).await?;
            }
        }
        Ok(())
    }

    /// The secret was wrong: the try stays counted, and a subject at its limit locks.
    pub async fn failed(self) -> Result<AfterFailure, ApiError> {
        let now = self.state.clock.now();
        let mut left = u32::MAX;
        let mut locked = None;
        for (subject, limit, ordinal) in &self.held {
            if limit.locks_at(*ordinal) {
                self.state
                    .store
                    .lock_subject(subject, now + limit.lock_for)
                    .await?;
                let seconds = limit.lock_for.num_seconds();
                locked = Some(locked.map_or(seconds, |s: i64| s.max(seconds)));
            }
            left = left.min(limit.left_after(*ordinal));
        }
        Ok(match locked {
            Some(seconds) => AfterFailure::Locked(Lockout { seconds }),
            None => AfterFailure::TriesLeft(left),
        })
    }

    /// The secret was wrong: `refusal` with the tries left, or the lock-out it caused.
    pub async fn refuse(self, refusal: ApiError) -> ApiError {
        match self.failed().await {
            Ok(AfterFailure::TriesLeft(left)) => refusal.with_attempts_left(left),
            Ok(AfterFailure::Locked(lockout)) => lockout.into(),
            Err(error) => error,
        }
    }

    /// The try proved nothing either way (the secret was never checked): give it back.
    pub async fn release(self) {
        for (subject, _, _) in &self.held {
            if let Err(error) = self.state.store.refund_attempt(subject).await {
                tracing::warn!(%error, "could not give back a reserved try");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::crypto::server_key::ServerKey;
    use crate::store::SqliteStore;
    use nhi_core::domain::attempt_limit::AttemptLimit;
    use nhi_core::domain::SystemClock;

    const OWNER: AttemptLimit = AttemptLimit {
        max_failures: 5,
        window: chrono::Duration::minutes(15),
        lock_for: chrono::Duration::minutes(15),
        reset_on_success: true,
    };

    async fn state(dir: &std::path::Path) -> AppState {
        AppState {
            store: Arc::new(SqliteStore::open(&dir.join("t.db")).await.unwrap()),
            clock: Arc::new(SystemClock),
            key: Arc::new(ServerKey::random()),
            recent_clinic_cards: Default::default(),
            counter_photo_texts: Arc::default(),
            public_url: "https://127.0.0.1".into(),
            demo_outbox: false,
            auto_approve_after: None,
            health_bank_delay: chrono::Duration::zero(),
            webauthn: None,
        }
    }

    fn subject() -> [(String, AttemptLimit); 1] {
        [("owner".to_owned(), OWNER)]
    }

    /// Places left: tries reserved until the subject refuses (each left in flight), without
    /// waiting for places (a full subject refuses at once).
    async fn places_left(state: &AppState) -> usize {
        let no_wait = [(
            "owner".to_owned(),
            AttemptLimit {
                reset_on_success: false,
                ..OWNER
            },
        )];
        let mut held = Vec::new();
        while let Ok(Ok(attempt)) = try_reserve(state, &no_wait).await {
            held.push(attempt);
        }
        held.len()
    }

    #[tokio::test]
    async fn a_right_secret_amid_tries_in_flight_gives_back_its_own_place_only() {
        let dir = tempfile::tempdir().unwrap();
        let state = state(dir.path()).await;
        let right = reserve(&state, &subject()).await.unwrap();
        let _in_flight = [
            reserve(&state, &subject()).await.unwrap(),
            reserve(&state, &subject()).await.unwrap(),
        ];
        right.succeeded().await.unwrap();
        // Two tries are still being checked: three places, not five.
        assert_eq!(places_left(&state).await, 3);
    }

    #[tokio::test]
    async fn a_right_secret_after_typos_starts_the_count_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let state = state(dir.path()).await;
        for left in [4, 3] {
            let typo = reserve(&state, &subject()).await.unwrap();
            assert_eq!(typo.failed().await.unwrap(), AfterFailure::TriesLeft(left));
        }
        reserve(&state, &subject())
            .await
            .unwrap()
            .succeeded()
            .await
            .unwrap();
        assert_eq!(places_left(&state).await, 5);
    }
}
