//! Dates as each language writes them: the ROC calendar in zh-TW (as on the NHI card and in
//! every NHIA letter), ISO in English, the day first in Indonesian and Vietnamese.

use chrono::NaiveDate;

use crate::domain::RocDate;
use crate::i18n::Lang;

/// "115/11/10", "2026-11-10", "10/11/2026".
pub fn date(date: NaiveDate, lang: Lang) -> String {
    match (lang, RocDate::new(date)) {
        (Lang::ZhTw, Some(roc)) => roc.to_string(),
        (Lang::Id | Lang::Vi, _) => date.format("%d/%m/%Y").to_string(),
        _ => date.format("%Y-%m-%d").to_string(),
    }
}
