//! Authorizing others to use one's card (授權使用): the offer's lifetime, the period's limits,
//! the 6-digit code, and the attempt limits that make the code unguessable.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::attempt_limit::AttemptLimit;

/// The authorization code and its QR work once, for this long.
pub const OFFER_LIFETIME: Duration = Duration::minutes(5);
/// The longest period one authorization may cover.
pub const MAX_PERIOD_DAYS: i64 = 366;
/// The QR payload prefix of an authorization offer.
pub const QR_PREFIX: &str = "NHIEXPRESS:AUTHORIZATION:1:";

/// Wrong codes per grantee (whoever they try).
pub const CODE_PER_GRANTEE: AttemptLimit = AttemptLimit {
    max_failures: 5,
    window: Duration::minutes(15),
    lock_for: Duration::minutes(15),
    reset_on_success: true,
};
/// Wrong codes against one grantor's offers: then the offer is void.
pub const CODE_PER_OFFER: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("the period cannot start before today")]
    StartsInPast,
    #[error("the period must end on or after its start")]
    EndsBeforeStart,
    #[error("one authorization may cover at most {MAX_PERIOD_DAYS} days")]
    TooLong,
}

pub fn check_period(
    starts: NaiveDate,
    ends: NaiveDate,
    today: NaiveDate,
) -> Result<(), PeriodError> {
    if starts < today {
        return Err(PeriodError::StartsInPast);
    }
    if ends < starts {
        return Err(PeriodError::EndsBeforeStart);
    }
    if (ends - starts).num_days() >= MAX_PERIOD_DAYS {
        return Err(PeriodError::TooLong);
    }
    Ok(())
}

/// The date in Taiwan (UTC+8, no daylight saving), where periods are counted: an
/// authorization "until 2026-12-22" lasts to the end of that day in Taiwan, wherever the
/// phone or the server happens to be.
pub fn taiwan_date(now: DateTime<Utc>) -> NaiveDate {
    super::taiwan_time::date(now)
}

/// Whether a typed code has the shape of one: 6 digits.
pub fn is_code(text: &str) -> bool {
    let t = text.trim();
    t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods() {
        let today = d(2026, 11, 23);
        assert!(check_period(today, d(2026, 12, 22), today).is_ok());
        assert_eq!(
            check_period(d(2026, 11, 22), today, today),
            Err(PeriodError::StartsInPast)
        );
        assert_eq!(
            check_period(today, d(2026, 11, 22), today),
            Err(PeriodError::EndsBeforeStart)
        );
        assert_eq!(
            check_period(today, d(2027, 11, 24), today),
            Err(PeriodError::TooLong)
        );
    }

    #[test]
    fn the_day_turns_at_midnight_in_taiwan() {
        use chrono::TimeZone;
        let before = Utc.with_ymd_and_hms(2026, 11, 23, 15, 59, 59).unwrap();
        assert_eq!(taiwan_date(before), d(2026, 11, 23));
        assert_eq!(taiwan_date(before + Duration::seconds(1)), d(2026, 11, 24));
    }

    #[test]
    fn codes() {
        assert!(is_code("012345"));
        assert!(!is_code("12345"));
        assert!(!is_code("12a456"));
    }
}
