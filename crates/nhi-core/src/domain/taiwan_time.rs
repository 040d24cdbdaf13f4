//! Taiwan's clock (UTC+8, no daylight saving), where days, visit times and expiry times are
//! read, whatever the server's or the phone's time zone: stated once.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Utc};

/// UTC+8.
pub fn offset() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset")
}

/// The day it is in Taiwan at `at`.
pub fn date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&offset()).date_naive()
}

/// `at` as a person in Taiwan reads it, in chrono's `format` (e.g. `%Y-%m-%d %H:%M`).
pub fn format(at: DateTime<Utc>, format: &str) -> String {
    at.with_timezone(&offset()).format(format).to_string()
}

/// `2026-11-30T14:30` in Taiwan time, as an HTML `datetime-local` field holds it.
pub fn local_field(at: DateTime<Utc>) -> String {
    format(at, "%Y-%m-%dT%H:%M")
}

/// A `datetime-local` value read as Taiwan time (browsers send seconds too when the field's
/// value had them).
pub fn from_local_field(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    local
        .and_local_timezone(offset())
        .single()
        .map(|at| at.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_visit_time_is_read_and_written_in_taiwan_time() {
        let at = Utc.with_ymd_and_hms(2026, 11, 30, 6, 30, 0).unwrap();
        assert_eq!(from_local_field("2026-11-30T14:30"), Some(at));
        assert_eq!(from_local_field(" 2026-11-30T14:30:00 "), Some(at));
        assert_eq!(local_field(at), "2026-11-30T14:30");
        assert_eq!(format(at, "%Y-%m-%d %H:%M"), "2026-11-30 14:30");
        assert_eq!(from_local_field("tomorrow"), None);
    }
}
