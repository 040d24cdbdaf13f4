//! What happens after consecutive wrong passwords: the first few answer at once, the next
//! ones are slowed down, and then the account is locked for a while.

use chrono::Duration;

/// Wrong passwords answered without delay.
pub const FREE_ATTEMPTS: u32 = 2;
/// The failure that locks the account.
pub const LOCK_AFTER: u32 = 5;
/// How long a locked account stays locked.
pub const LOCK_DURATION: Duration = Duration::minutes(15);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Answer now.
    Answer,
    /// Hold the answer this long, so guessing gets slow.
    Delay(std::time::Duration),
    /// Lock the account for this long.
    Lock(Duration),
}

/// `failures` counts the wrong password just given.
pub fn after_failure(failures: u32) -> AfterFailure {
    match failures {
        0..=FREE_ATTEMPTS => AfterFailure::Answer,
        n if n >= LOCK_AFTER => AfterFailure::Lock(LOCK_DURATION),
        n => AfterFailure::Delay(std::time::Duration::from_millis(
            500 * u64::from(n - FREE_ATTEMPTS),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slows_down_then_locks() {
        assert_eq!(after_failure(1), AfterFailure::Answer);
        assert_eq!(after_failure(2), AfterFailure::Answer);
        assert_eq!(
            after_failure(3),
            AfterFailure::Delay(std::time::Duration::from_millis(500))
        );
        assert_eq!(
            after_failure(4),
            AfterFailure::Delay(std::time::Duration::from_millis(1000))
        );
        assert_eq!(after_failure(5), AfterFailure::Lock(Duration::minutes(15)));
        assert_eq!(after_failure(9), AfterFailure::Lock(Duration::minutes(15)));
    }
}
