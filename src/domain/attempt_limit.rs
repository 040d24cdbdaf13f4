//! Attempt limits: how many wrong tries a subject (an ID, a device, a client address) gets
//! within a window before it is locked out for a while. With 8-character codes from a
//! 56-letter alphabet (about 10^14 values), 10 tries per 15 minutes make guessing hopeless.

use chrono::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptLimit {
    /// The failure that locks the subject out.
    pub max_failures: u32,
    /// Failures older than this no longer count.
    pub window: Duration,
    /// How long a lock-out lasts.
    pub lock_for: Duration,
}

impl AttemptLimit {
    pub fn locks_at(&self, failures: u32) -> bool {
        failures >= self.max_failures
    }

    /// Tries left after `failures` wrong ones.
    pub fn left_after(&self, failures: u32) -> u32 {
        self.max_failures.saturating_sub(failures)
    }
}

/// Phone authentication, per ID: wrong card digits or someone else's number.
pub const PHONE_CHECK_PER_ID: AttemptLimit = AttemptLimit {
    max_failures: 5,
    window: Duration::hours(1),
    lock_for: Duration::minutes(30),
};

/// Phone authentication, per client address, across IDs.
pub const PHONE_CHECK_PER_CLIENT: AttemptLimit = AttemptLimit {
    max_failures: 20,
    window: Duration::hours(1),
    lock_for: Duration::minutes(30),
};

/// Device verification codes, per client address.
pub const DEVICE_CODE_PER_CLIENT: AttemptLimit = AttemptLimit {
    max_failures: 10,
    window: Duration::minutes(15),
    lock_for: Duration::minutes(15),
};

/// Device verification codes, per device.
pub const DEVICE_CODE_PER_DEVICE: AttemptLimit = AttemptLimit {
    max_failures: 5,
    window: Duration::minutes(15),
    lock_for: Duration::minutes(15),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_at_the_limit() {
        assert!(!DEVICE_CODE_PER_DEVICE.locks_at(4));
        assert!(DEVICE_CODE_PER_DEVICE.locks_at(5));
        assert_eq!(DEVICE_CODE_PER_DEVICE.left_after(3), 2);
        assert_eq!(DEVICE_CODE_PER_DEVICE.left_after(9), 0);
    }
}
