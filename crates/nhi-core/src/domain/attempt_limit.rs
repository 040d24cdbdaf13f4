//! Attempt limits: how many tries a subject (an ID, a device, a client address, a clinic's
//! card) gets within a window before it is locked out for a while. Every guessable secret of
//! the system has its limit here, so the whole attack surface reads on one page.
//!
//! A try is counted *before* its secret is checked (see `backend::services::attempt_guard`), so a
//! burst of concurrent guesses checks at most `max_failures` of them.

use chrono::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptLimit {
    /// The failure that locks the subject out; also the most tries checked at once.
    pub max_failures: u32,
    /// Failures older than this no longer count.
    pub window: Duration,
    /// How long a lock-out lasts.
    pub lock_for: Duration,
    /// Whether a success starts the count afresh. True for a subject that is the secret's
    /// owner (an account, a device) — when the success is its latest try and it was not the
    /// last one allowed; amid other tries it only gives back its own. False for one shared by
    /// many (a client address), where a success only gives back its own try, so one good
    /// login cannot wash away guesses.
    pub reset_on_success: bool,
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

const fn per_owner(max_failures: u32, window_minutes: i64, lock_minutes: i64) -> AttemptLimit {
    AttemptLimit {
        max_failures,
        window: Duration::minutes(window_minutes),
        lock_for: Duration::minutes(lock_minutes),
        reset_on_success: true,
    }
}

const fn shared(max_failures: u32, window_minutes: i64, lock_minutes: i64) -> AttemptLimit {
    AttemptLimit {
        reset_on_success: false,
        ..per_owner(max_failures, window_minutes, lock_minutes)
    }
}

/// Registration passwords (app and website alike), per ID: five wrong in a row lock the
/// account for 15 minutes. Unregistered IDs count the same, so answers never tell them apart.
pub const PASSWORD_PER_ID: AttemptLimit = per_owner(5, 24 * 60, 15);
/// Registration passwords per client address, across IDs (password spraying).
pub const PASSWORD_PER_CLIENT: AttemptLimit = shared(30, 15, 15);

/// Phone authentication, per ID: wrong card digits or someone else's number.
pub const PHONE_CHECK_PER_ID: AttemptLimit = per_owner(5, 60, 30);
/// Phone authentication, per client address, across IDs.
pub const PHONE_CHECK_PER_CLIENT: AttemptLimit = shared(20, 60, 30);

/// Device verification codes, per client address.
pub const DEVICE_CODE_PER_CLIENT: AttemptLimit = shared(10, 15, 15);
/// Device verification codes, per device.
pub const DEVICE_CODE_PER_DEVICE: AttemptLimit = per_owner(5, 15, 15);
/// Device verification codes over every client together: the bound on guessing a code that
/// somebody else produced. There are 56^8 ≈ 9.7 × 10^13 codes; even with 10,000 alive at once
/// (each lives 10 minutes) one guess finds one with odds of 1 in 9.7 × 10^9. Per address
/// alone the bound would grow with the attacker's addresses; overall, at most 3,000 wrong
/// codes an hour are checked — 72,000 a day, odds of 1 in 134,000 a day for all attackers
/// together. Past it, codes are refused for 5 minutes (someone typing their own code tries
/// again then; binding by phone is untouched).
pub const DEVICE_CODE_OVERALL: AttemptLimit = shared(3000, 60, 5);

/// The website's simulated card reader and citizen certificate, per ID: the card data or the
/// certificate must match the NHIA record; a birth date must not fall out by trying.
pub const CARD_READER_PER_ID: AttemptLimit = per_owner(5, 60, 60);
/// The same, per client address, across IDs.
pub const CARD_READER_PER_CLIENT: AttemptLimit = shared(20, 60, 60);

/// Links to set a forgotten password, per ID: three an hour, so that someone who knows a
/// person's card cannot fill their mailbox. (Counted whether or not the ID has an account.)
pub const RESET_LINKS_PER_ID: AttemptLimit = shared(3, 60, 60);

/// Confirmation mails sent again, per ID: three an hour.
pub const RESENT_CONFIRMATIONS_PER_ID: AttemptLimit = shared(3, 60, 60);
/// …and per client address across IDs, so one machine cannot mail many strangers.
pub const RESENT_CONFIRMATIONS_PER_CLIENT: AttemptLimit = shared(10, 60, 60);

/// Links to confirm a new e-mail address (帳號資料異動), per ID: three an hour, so a signed-in
/// account cannot be used to fill a stranger's mailbox.
pub const EMAIL_CHANGES_PER_ID: AttemptLimit = shared(3, 60, 60);

/// A forgotten password's SMS code (6 digits), per ID: five wrong lock it for 30 minutes.
pub const RESET_CODE_PER_ID: AttemptLimit = per_owner(5, 30, 30);
/// …and per client address across IDs.
pub const RESET_CODE_PER_CLIENT: AttemptLimit = shared(20, 60, 60);

/// NHIA reviewer console passwords, per user name.
pub const REVIEWER_PER_USER: AttemptLimit = per_owner(5, 15, 15);
/// Reviewer console passwords, per client address.
pub const REVIEWER_PER_CLIENT: AttemptLimit = shared(20, 15, 15);

/// Healthcare professional card PINs: as a real HPC, three wrong PINs block the card until
/// its institution unblocks it (the lock is long enough never to end by itself).
pub const HPC_PIN: AttemptLimit = AttemptLimit {
    max_failures: 3,
    window: Duration::days(3650),
    lock_for: Duration::days(3650),
    reset_on_success: true,
};
/// An institution's security module (SAM) key, per institution code.
pub const SAM_KEY_PER_INSTITUTION: AttemptLimit = per_owner(5, 15, 15);

/// Anonymous QR reading (`POST /qr-scans`, before sign-in), per client address: a rate, not
/// a secret, so every scan counts.
pub const QR_SCANS_PER_CLIENT: AttemptLimit = shared(30, 1, 1);

/// Quick sign-in signatures, per ID: five that do not verify in a row (or a replayed or
/// foreign challenge) turn quick sign-in off for a day; the password still works, and a
/// password login turns it back on.
pub const QUICK_SIGN_IN_PER_ID: AttemptLimit = per_owner(5, 24 * 60, 24 * 60);
/// Quick sign-in signatures per client address, across IDs.
pub const QUICK_SIGN_IN_PER_CLIENT: AttemptLimit = shared(30, 15, 15);
/// Quick sign-in challenges per client address: a rate (each is a row for a minute).
pub const QUICK_SIGN_IN_CHALLENGES_PER_CLIENT: AttemptLimit = shared(30, 1, 1);

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
