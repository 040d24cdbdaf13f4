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
    /// 投保資料: where and as what the person is insured.
    Enrolment,
    /// 保費計算: how the monthly premium is worked out.
    PremiumCalculation,
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
    /// In the order the app lists them: the billing classes first, as the manual names them.
    pub const ALL: [Category; 10] = [
        Self::Enrolment,
        Self::PremiumCalculation,
        Self::Premiums,
        Self::Outpatient,
        Self::Inpatient,
        Self::Medications,
        Self::Allergies,
        Self::OrganDonation,
        Self::Vaccinations,
        Self::LabResults,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Enrolment => "enrolment",
            Self::PremiumCalculation => "premium_calculation",
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
            Self::Enrolment => "health-bank-enrolment",
            Self::PremiumCalculation => "health-bank-premium-calculation",
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

impl Category {
    /// The class the manual sorts it into (保險計費類, 保險繳納類, 醫療類).
    pub fn class(self) -> CategoryClass {
        match self {
            Self::Enrolment | Self::PremiumCalculation => CategoryClass::Billing,
            Self::Premiums => CategoryClass::Payment,
            _ => CategoryClass::Medical,
        }
    }
}

/// The three classes of My Health Bank's data, in the manual's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CategoryClass {
    /// 保險計費類: enrolment and how the premium is calculated.
    Billing,
    /// 保險繳納類: premiums paid.
    Payment,
    /// 醫療類: visits, stays, medicines, allergies, wishes, vaccinations, results.
    Medical,
}

impl CategoryClass {
    pub const ALL: [CategoryClass; 3] = [Self::Billing, Self::Payment, Self::Medical];

    pub fn message_id(self) -> &'static str {
        match self {
            Self::Billing => "health-bank-class-billing",
            Self::Payment => "health-bank-class-payment",
            Self::Medical => "health-bank-class-medical",
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
    InsuredUnit,
    InsuredAs,
    EnrolledOn,
    InsuredAmount,
    Dependants,
    MonthlyPremium,
}

impl Field {
    pub const ALL: [Field; 27] = [
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
        Self::InsuredUnit,
        Self::InsuredAs,
        Self::EnrolledOn,
        Self::InsuredAmount,
        Self::Dependants,
        Self::MonthlyPremium,
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
            Self::InsuredUnit => "health-field-insured-unit",
            Self::InsuredAs => "health-field-insured-as",
            Self::EnrolledOn => "health-field-enrolled-on",
            Self::InsuredAmount => "health-field-insured-amount",
            Self::Dependants => "health-field-dependants",
            Self::MonthlyPremium => "health-field-monthly-premium",
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

    #[test]
    fn the_manual_s_three_classes_hold_ten_categories() {
        // 「健康存摺」提供保險計費類、保險繳納類與醫療類共 10 餘種資料 (the manual).
        assert_eq!(Category::ALL.len(), 10);
        for class in CategoryClass::ALL {
            assert!(
                Category::ALL.iter().any(|c| c.class() == class),
                "{class:?}"
            );
        }
    }
}
