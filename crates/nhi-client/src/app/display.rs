//! How values are written for people, per language: dates in the ROC calendar in zh-TW (as
//! on the NHI card), ISO dates in English, day/month/year in Indonesian and Vietnamese; ID
//! kinds by their local names.

use chrono::{DateTime, Local, NaiveDate, Utc};

use nhi_core::domain::card_application::{ApplicationStatus, Channel};
use nhi_core::domain::{IdKind, RocDate};
use nhi_core::i18n::Lang;

pub fn birth_date(date: NaiveDate, lang: Lang) -> String {
    match (lang, RocDate::new(date)) {
        (Lang::ZhTw, Some(roc)) => nhi_core::tr!(lang, "birth-date-roc", date = roc.to_string()),
        _ => self::date(date, lang),
    }
}

/// A record's date: ROC calendar in zh-TW (115/11/10), ISO in English (2026-11-10), the
/// day first in Indonesian and Vietnamese (10/11/2026).
pub fn date(date: NaiveDate, lang: Lang) -> String {
    nhi_core::i18n::date(date, lang)
}

pub fn id_kind(kind: IdKind, lang: Lang) -> String {
    match kind {
        IdKind::National => lang.t("display-national-id"),
        IdKind::ResidentNew => lang.t("display-ui-number-resident"),
        IdKind::ResidentOld => lang.t("display-arc-number-resident"),
    }
}

/// A wall-clock time on this device, as "14:05".
pub fn local_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local).format("%H:%M").to_string()
}

/// `at` on this device's clock with the seconds: what tells two moments a minute apart or
/// less from each other (each new card QR's end, announced).
pub fn local_time_seconds(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local).format("%H:%M:%S").to_string()
}

/// The day of `at` on this device's calendar, as the language writes dates.
pub fn local_date(at: DateTime<Utc>, lang: Lang) -> String {
    date(at.with_timezone(&Local).date_naive(), lang)
}

/// "1 小時 59 分" / "1 h 59 min", rounded up to the minute.
pub fn minutes_left(remaining: chrono::Duration, lang: Lang) -> String {
    let minutes = (remaining.num_seconds() + 59) / 60;
    let (h, m) = (minutes / 60, minutes % 60);
    match h {
        0 => nhi_core::tr!(lang, "duration-minutes", minutes = m),
        _ => nhi_core::tr!(lang, "duration-hours-minutes", hours = h, minutes = m),
    }
}

/// Where an application stands, in a word or two.
pub fn application_status(status: ApplicationStatus, lang: Lang) -> String {
    lang.t(match status {
        ApplicationStatus::UnderReview => "records-status-under-review",
        ApplicationStatus::Approved => "records-status-approved",
        ApplicationStatus::Rejected => "records-status-rejected",
        ApplicationStatus::Superseded => "records-status-superseded",
        ApplicationStatus::Cancelled => "records-status-cancelled",
    })
}

/// Who made an application: the person, or staff for them (專案申請) and who.
pub fn application_channel(channel: Channel, applied_by: Option<&str>, lang: Lang) -> String {
    match (channel, applied_by) {
        (Channel::HomeCare, Some(by)) => nhi_core::tr!(lang, "records-by-home-care", by = by),
        (Channel::Counter, Some(by)) => nhi_core::tr!(lang, "records-by-counter", by = by),
        _ => lang.t("records-by-you"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_durations() {
        let d = NaiveDate::from_ymd_opt(1981, 1, 1).unwrap();
        assert_eq!(birth_date(d, Lang::ZhTw), "民國 70/01/01");
        assert_eq!(birth_date(d, Lang::En), "1981-01-01");
        assert_eq!(birth_date(d, Lang::Vi), "01/01/1981");
        let left = chrono::Duration::seconds(7140);
        assert_eq!(minutes_left(left, Lang::ZhTw), "1 小時 59 分");
        assert_eq!(
            minutes_left(chrono::Duration::seconds(61), Lang::En),
            "2 min"
        );
    }
}
