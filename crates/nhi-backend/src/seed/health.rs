//! Demo My Health Bank records: realistic, different for each demo person (the child and
//! the caregiver have little), generated deterministically so tests can rely on them.

use chrono::{Duration, NaiveDate};

use crate::store::{HealthRecord, Store, StoreError};
use nhi_core::domain::health_bank::{Category, Field};
use nhi_core::domain::IdNumber;

const CLINICS: [(&str, &str); 4] = [
    ("好心家庭醫學科診所", "家醫科"),
    ("臺北市立聯合醫院仁愛院區", "內科"),
    ("高雄醫學大學附設中和紀念醫院", "皮膚科"),
    ("花蓮慈濟醫院", "骨科"),
];
const DIAGNOSES: [(&str, &str); 5] = [
    (
        "J06.9",
        "急性上呼吸道感染 Acute upper respiratory infection",
    ),
    ("K21.9", "胃食道逆流 Gastro-oesophageal reflux"),
    ("I10", "本態性高血壓 Essential hypertension"),
    ("M54.5", "下背痛 Low back pain"),
    ("L30.9", "皮膚炎 Dermatitis"),
];
const DRUGS: [&str; 5] = [
    "Acetaminophen 500mg",
    "Amlodipine 5mg",
    "Esomeprazole 40mg",
    "Cetirizine 10mg",
    "Diclofenac 25mg",
];

fn line(field: Field, value: impl Into<String>) -> (Field, String) {
    (field, value.into())
}

struct Plan {
    id: &'static str,
    outpatient: u32,
    inpatient: u32,
    medications: u32,
    allergies: bool,
    hospice_wish: bool,
    vaccinations: u32,
    labs: u32,
    premiums: u32,
}

const PLANS: [Plan; 6] = [
    Plan {
        id: "A123456789",
        outpatient: 45,
        inpatient: 0,
        medications: 24,
        allergies: false,
        hospice_wish: false,
        vaccinations: 3,
        labs: 6,
        premiums: 12,
    },
    Plan {
        id: "A223456781",
        outpatient: 30,
        inpatient: 2,
        medications: 30,
        allergies: true,
        hospice_wish: true,
        vaccinations: 4,
        labs: 10,
        premiums: 12,
    },
    Plan {
        id: "A135792469",
        outpatient: 3,
        inpatient: 0,
        medications: 2,
        allergies: false,
        hospice_wish: false,
        vaccinations: 8,
        labs: 0,
        premiums: 0,
    },
    Plan {
        id: "F913579249",
        outpatient: 1,
        inpatient: 0,
        medications: 0,
        allergies: false,
        hospice_wish: false,
        vaccinations: 0,
        labs: 0,
        premiums: 6,
    },
    Plan {
        id: "B120034568",
        outpatient: 2,
        inpatient: 0,
        medications: 1,
        allergies: false,
        hospice_wish: false,
        vaccinations: 0,
        labs: 1,
        premiums: 12,
    },
    Plan {
        id: "E124680130",
        outpatient: 4,
        inpatient: 0,
        medications: 3,
        allergies: false,
        hospice_wish: false,
        vaccinations: 1,
        labs: 2,
        premiums: 12,
    },
];

/// Seeds the records when the demo persons have none (a new database, or one whose records
/// a migration removed to change their shape).
pub async fn seed_if_missing(store: &dyn Store) -> Result<(), StoreError> {
    let first = IdNumber::parse(PLANS[0].id).expect("demo IDs are valid");
    if store.health_counts(&first).await?.is_empty() {
        seed(store).await?;
    }
    Ok(())
}

async fn seed(store: &dyn Store) -> Result<(), StoreError> {
    let last = NaiveDate::from_ymd_opt(2026, 11, 10).expect("valid date");
    for plan in &PLANS {
        let id = IdNumber::parse(plan.id).expect("demo IDs are valid");
        let mut records = Vec::new();
        let mut add = |category, days_ago: i64, title: String, summary: String, details| {
            records.push(HealthRecord {
                id: 0,
                id_number: id.clone(),
                category,
                happened: last - Duration::days(days_ago),
                title,
                summary,
                details,
            })
        };
        for n in 0..plan.outpatient {
            let (clinic, dept) = CLINICS[n as usize % CLINICS.len()];
            let (code, diagnosis) = DIAGNOSES[n as usize % DIAGNOSES.len()];
            let drugs = format!("{}、{}", DRUGS[n as usize % 5], DRUGS[(n as usize + 2) % 5]);
            let points = 280 + (n * 37) % 400;
            add(
                Category::Outpatient,
                i64::from(n) * 17 + 3,
                format!("{clinic} {dept}"),
                diagnosis.to_owned(),
                vec![
                    line(Field::Institution, clinic),
                    line(Field::Department, dept),
                    line(Field::Diagnosis, format!("{code} {diagnosis}")),
                    line(Field::Medications, drugs),
                    line(Field::NhiPoints, points.to_string()),
                ],
            );
        }
        for n in 0..plan.inpatient {
            add(
                Category::Inpatient,
                i64::from(n) * 200 + 40,
                "臺北市立聯合醫院仁愛院區 內科病房".into(),
                "肺炎 Pneumonia".into(),
                vec![
                    line(Field::Hospital, "臺北市立聯合醫院仁愛院區"),
                    line(Field::DaysInHospital, (5 + n * 2).to_string()),
                    line(Field::Diagnosis, "J18.9 肺炎 Pneumonia"),
                    line(Field::NhiPoints, (42_000 + n * 8_000).to_string()),
                ],
            );
        }
        for n in 0..plan.medications {
            let drug = DRUGS[n as usize % DRUGS.len()];
            add(
                Category::Medications,
                i64::from(n) * 20 + 3,
                drug.into(),
                format!("{} 天份 days", 7 + (n % 4) * 7),
                vec![
                    line(Field::Medicine, drug),
                    line(Field::Dosage, "每日一次 once a day"),
                    line(Field::DaysSupplied, (7 + (n % 4) * 7).to_string()),
                    line(Field::PrescribedAt, CLINICS[n as usize % CLINICS.len()].0),
                ],
            );
        }
        if plan.allergies {
            add(
                Category::Allergies,
                900,
                "Penicillin".into(),
                "皮疹 Rash".into(),
                vec![
                    line(Field::Allergen, "Penicillin 盤尼西林"),
                    line(Field::Reaction, "皮疹 Rash"),
                ],
            );
        }
        if plan.hospice_wish {
            add(
                Category::OrganDonation,
                600,
                "安寧緩和醫療意願".into(),
                "已簽署 Signed".into(),
                vec![
                    line(Field::Wish, "安寧緩和醫療 Hospice palliative care"),
                    line(
                        Field::RecordStatus,
                        "已註記於健保卡 Recorded on the NHI card",
                    ),
                ],
            );
        }
        for n in 0..plan.vaccinations {
            let vaccine = [
                "流感疫苗 Influenza",
                "COVID-19",
                "B型肝炎 Hepatitis B",
                "麻疹腮腺炎德國麻疹 MMR",
            ][n as usize % 4];
            add(
                Category::Vaccinations,
                i64::from(n) * 180 + 30,
                vaccine.into(),
                format!("第 {} 劑 Dose {}", n % 3 + 1, n % 3 + 1),
                vec![
                    line(Field::Vaccine, vaccine),
                    line(Field::Dose, (n % 3 + 1).to_string()),
                ],
            );
        }
        for n in 0..plan.labs {
            let (test, value) = [
                ("空腹血糖 Fasting glucose", "98 mg/dL"),
                ("總膽固醇 Total cholesterol", "188 mg/dL"),
                (
                    "胸部 X 光 Chest X-ray",
                    "無明顯異常 No significant findings",
                ),
            ][n as usize % 3];
            add(
                Category::LabResults,
                i64::from(n) * 60 + 10,
                test.into(),
                value.into(),
                vec![line(Field::Test, test), line(Field::Result, value)],
            );
        }
        // Insurance billing (保險計費類): where and as what they are insured, and how the
        // premium is worked out — an employee, a dependant, or a member of a regional unit.
        let (unit, insured_as, amount, dependants, premium) = match plan.premiums {
            0 => ("依附 王小明 投保", "眷屬 Dependant", "—", "—", "NT$ 0"),
            6 => (
                "王陳美玉（雇主）",
                "第一類受僱者 Category 1 employee",
                "NT$ 28,590",
                "0",
                "NT$ 443",
            ),
            _ => (
                "好心科技股份有限公司",
                "第一類受僱者 Category 1 employee",
                "NT$ 45,800",
                "1",
                "NT$ 1,420",
            ),
        };
        add(
            Category::Enrolment,
            1200,
            unit.into(),
            insured_as.into(),
            vec![
                line(Field::InsuredUnit, unit),
                line(Field::InsuredAs, insured_as),
                line(Field::EnrolledOn, "2023-07-28"),
            ],
        );
        for (n, year) in [2026, 2025].into_iter().enumerate() {
            add(
                Category::PremiumCalculation,
                n as i64 * 365 + 40,
                format!("{year} 年保費計算"),
                premium.into(),
                vec![
                    line(Field::InsuredAmount, amount),
                    line(Field::Dependants, dependants),
                    line(Field::MonthlyPremium, premium),
                ],
            );
        }
        for n in 0..plan.premiums {
            add(
                Category::Premiums,
                i64::from(n) * 30 + 5,
                format!("{} 月保費", 11 - (n % 12).min(10)),
                premium.into(),
                vec![
                    line(Field::Amount, premium),
                    line(Field::PaymentStatus, "已繳納 Paid"),
                ],
            );
        }
        for record in &records {
            store.insert_health_record(record).await?;
        }
    }
    Ok(())
}
