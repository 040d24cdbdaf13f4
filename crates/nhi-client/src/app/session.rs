//! A signed-in session as the app keeps it.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use nhi_core::api::Person;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub person: Person,
}

/// How long before a session ends the app offers to sign in again in place.
pub const RENEW_WARNING: Duration = Duration::minutes(5);

impl Session {
    pub fn is_expired(&self, now: DateTime<Utc>) -> bool {
        now >= self.expires_at
    }

    /// Whether the end is near enough to offer signing in again (not yet ended).
    pub fn ending_soon(&self, now: DateTime<Utc>) -> bool {
        let left = self.remaining(now);
        !left.is_zero() && left <= RENEW_WARNING
    }

    /// Time left, never negative.
    pub fn remaining(&self, now: DateTime<Utc>) -> Duration {
        (self.expires_at - now).max(Duration::zero())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};
    use nhi_core::domain::{IdKind, IdNumber};

    #[test]
    fn expiry() {
        let at = Utc.with_ymd_and_hms(2026, 1, 1, 10, 0, 0).unwrap();
        let s = Session {
            token: "t".into(),
            expires_at: at,
            person: Person {
                id_number: IdNumber::parse("A123456789").unwrap(),
                id_kind: IdKind::National,
                name: "王小明".into(),
                birth_date: NaiveDate::from_ymd_opt(1981, 1, 1).unwrap(),
            },
        };
        assert!(!s.is_expired(at - Duration::seconds(1)));
        assert!(s.is_expired(at));
        assert_eq!(s.remaining(at - Duration::minutes(5)), Duration::minutes(5));
        assert_eq!(s.remaining(at + Duration::minutes(5)), Duration::zero());
        assert!(s.ending_soon(at - Duration::minutes(4)));
        assert!(!s.ending_soon(at - Duration::minutes(6)));
        assert!(!s.ending_soon(at));
    }
}
