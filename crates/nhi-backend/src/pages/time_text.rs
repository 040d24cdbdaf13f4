//! Times on the pages and in their mails as a person in Taiwan reads them (UTC+8): in zh-TW
//! in the ROC calendar as the NHIA's own pages write them (民國115年12月07日 17:00:00), in
//! the other languages by the Western calendar (2026-12-07 17:00:00).

use chrono::{DateTime, Datelike, Utc};

use nhi_core::domain::{taiwan_time, RocDate};
use nhi_core::i18n::Lang;

pub fn taiwan_time(at: DateTime<Utc>, lang: Lang) -> String {
    let clock = taiwan_time::format(at, "%H:%M:%S");
    let day = taiwan_time::date(at);
    match (lang, RocDate::new(day)) {
        (Lang::ZhTw, Some(roc)) => format!(
            "民國{}年{:02}月{:02}日 {clock}",
            roc.year(),
            day.month(),
            day.day()
        ),
        _ => format!("{} {clock}", day.format("%Y-%m-%d")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zh_tw_reads_the_roc_calendar_and_the_others_the_western_one() {
        let at = "2026-12-07T09:05:03Z".parse().unwrap();
        assert_eq!(taiwan_time(at, Lang::ZhTw), "民國115年12月07日 17:05:03");
        assert_eq!(taiwan_time(at, Lang::En), "2026-12-07 17:05:03");
        // After 16:00 UTC it is the next day in Taiwan.
        let late = "2026-12-31T16:30:00Z".parse().unwrap();
        assert_eq!(taiwan_time(late, Lang::ZhTw), "民國116年01月01日 00:30:00");
    }
}
