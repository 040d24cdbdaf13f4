//! Dates in the ROC (Minguo) calendar, year 1 = 1912, as the card and the HIS world show them.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// A date from 1912 on, shown as `70/01/01` (zh-TW screens) or `0700101` (7-digit HIS field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RocDate(NaiveDate);

impl RocDate {
    /// `None` before 1912-01-01, which the ROC calendar counts backwards (民前) and no
    /// living card holder needs.
    pub fn new(date: NaiveDate) -> Option<Self> {
        (date.year() >= 1912).then_some(Self(date))
    }

    pub fn year(&self) -> i32 {
        self.0.year() - 1911
    }

    /// The 7-digit `yyyMMdd` form of the HIS card data (`0700101`).
    pub fn seven_digits(&self) -> String {
        format!("{:03}{:02}{:02}", self.year(), self.0.month(), self.0.day())
    }

    pub fn date(&self) -> NaiveDate {
        self.0
    }
}

impl fmt::Display for RocDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}/{:02}/{:02}",
            self.year(),
            self.0.month(),
            self.0.day()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn table() {
        let table = [
            (d(1981, 1, 1), "70/01/01", "0700101"),
            (d(1912, 1, 1), "01/01/01", "0010101"),
            (d(2011, 12, 31), "100/12/31", "1001231"),
            (d(2026, 11, 23), "115/11/23", "1151123"),
        ];
        for (date, shown, wire) in table {
            let roc = RocDate::new(date).unwrap();
            assert_eq!(roc.to_string(), shown);
            assert_eq!(roc.seven_digits(), wire);
        }
        assert_eq!(RocDate::new(d(1911, 12, 31)), None);
    }
}
