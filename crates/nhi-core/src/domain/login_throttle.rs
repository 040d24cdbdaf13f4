//! How wrong passwords are slowed down before the lock of `attempt_limit::PASSWORD_PER_ID`:
//! the first few answer at once, the next ones are held back, so guessing gets slow even
//! before the account locks.

/// Wrong passwords answered without delay.
pub const FREE_ATTEMPTS: u32 = 2;

/// How long to hold the answer to the `failures`-th wrong password in a row.
pub fn delay_after(failures: u32) -> std::time::Duration {
    std::time::Duration::from_millis(500 * u64::from(failures.saturating_sub(FREE_ATTEMPTS)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn slows_down_after_the_free_attempts() {
        assert_eq!(delay_after(1), Duration::ZERO);
        assert_eq!(delay_after(2), Duration::ZERO);
        assert_eq!(delay_after(3), Duration::from_millis(500));
        assert_eq!(delay_after(4), Duration::from_millis(1000));
    }
}
