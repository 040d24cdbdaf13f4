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

    /// The catalogue message for the category's name as the app lists it.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Outpatient => "health-bank-outpatient-visits",
            Self::Inpatient => "health-bank-inpatient-stays",
            Self::Medications => "health-bank-medications",
            Self::Allergies => "health-bank-allergies",
            Self::OrganDonation => "health-bank-organ-donation-hospice-palliative",
            Self::Vaccinations => "health-bank-vaccinations",
            Self::LabResults => "health-bank-lab-imaging-results",
            Self::Premiums => "health-bank-insurance-premiums-paid",
        }
    }
}

/// What one line of a record is (its label comes from the catalogue; its value is data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Institution,
    Department,
    Diagnosis,
    Medications,
    NhiPoints,
    Hospital,
    DaysInHospital,
    Medicine,
    Dosage,
    DaysSupplied,
    PrescribedAt,
    Allergen,
    Reaction,
    Wish,
    RecordStatus,
    Vaccine,
    Dose,
    Test,
    Result,
    Amount,
    PaymentStatus,
}

impl Field {
    pub const ALL: [Field; 21] = [
        Self::Institution,
        Self::Department,
        Self::Diagnosis,
        Self::Medications,
        Self::NhiPoints,
        Self::Hospital,
        Self::DaysInHospital,
        Self::Medicine,
        Self::Dosage,
        Self::DaysSupplied,
        Self::PrescribedAt,
        Self::Allergen,
        Self::Reaction,
        Self::Wish,
        Self::RecordStatus,
        Self::Vaccine,
        Self::Dose,
        Self::Test,
        Self::Result,
        Self::Amount,
        Self::PaymentStatus,
    ];

    /// The catalogue message for the line's label.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Institution => "health-field-institution",
            Self::Department => "health-field-department",
            Self::Diagnosis => "health-field-diagnosis",
            Self::Medications => "health-field-medications",
            Self::NhiPoints => "health-field-nhi-points",
            Self::Hospital => "health-field-hospital",
            Self::DaysInHospital => "health-field-days-in-hospital",
            Self::Medicine => "health-field-medicine",
            Self::Dosage => "health-field-dosage",
            Self::DaysSupplied => "health-field-days-supplied",
            Self::PrescribedAt => "health-field-prescribed-at",
            Self::Allergen => "health-field-allergen",
            Self::Reaction => "health-field-reaction",
            Self::Wish => "health-field-wish",
            Self::RecordStatus => "health-field-record-status",
            Self::Vaccine => "health-field-vaccine",
            Self::Dose => "health-field-dose",
            Self::Test => "health-field-test",
            Self::Result => "health-field-result",
            Self::Amount => "health-field-amount",
            Self::PaymentStatus => "health-field-payment-status",
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
