//! My Health Bank (健康存摺): the categories of records, and how a data request works.

use chrono::Duration;
use serde::{Deserialize, Serialize};

/// The real system prepares "today's data" in about 10 minutes.
pub const DEFAULT_PROCESSING_DELAY: Duration = Duration::minutes(10);
/// Records a page.
pub const PAGE_SIZE: u32 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Outpatient,
    Inpatient,
    Medications,
    Allergies,
    OrganDonation,
    Vaccinations,
    LabResults,
    Premiums,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Self::Outpatient,
        Self::Inpatient,
        Self::Medications,
        Self::Allergies,
        Self::OrganDonation,
        Self::Vaccinations,
        Self::LabResults,
        Self::Premiums,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Outpatient => "outpatient",
            Self::Inpatient => "inpatient",
            Self::Medications => "medications",
            Self::Allergies => "allergies",
            Self::OrganDonation => "organ_donation",
            Self::Vaccinations => "vaccinations",
            Self::LabResults => "lab_results",
            Self::Premiums => "premiums",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// (zh-TW, English) as the app lists them.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::Outpatient => ("門診資料", "Outpatient visits"),
            Self::Inpatient => ("住院資料", "Inpatient stays"),
            Self::Medications => ("用藥資料", "Medications"),
            Self::Allergies => ("過敏資料", "Allergies"),
            Self::OrganDonation => (
                "器官捐贈或安寧緩和醫療意願",
                "Organ donation / hospice palliative care wishes",
            ),
            Self::Vaccinations => ("預防接種資料", "Vaccinations"),
            Self::LabResults => ("檢驗（查）結果", "Lab and imaging results"),
            Self::Premiums => ("保險費繳納資料", "Insurance premiums paid"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(c));
        }
        assert_eq!(Category::parse("diagnoses"), None);
    }
}
