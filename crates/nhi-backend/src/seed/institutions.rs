//! Demo medical institutions with the credentials that stand for their "three cards": the
//! institution's security module (SAM) card key, and a healthcare professional card (HPC)
//! with its PIN. Real card secrets are high-entropy hardware keys; these demo values are
//! short so testers can type them, which is why only keyed hashes are stored (see
//! `crypto::server_key`) and every try counts against an attempt limit.

use crate::crypto::server_key::{Purpose, ServerKey};
use crate::store::{InstitutionRecord, Store, StoreError};
use nhi_core::domain::IdNumber;

pub struct DemoInstitution {
    pub code: &'static str,
    pub name: &'static str,
    pub area: &'static str,
    pub address: &'static str,
    pub departments: &'static [&'static str],
    pub accepts_virtual_card: bool,
    /// The departments that take the virtual card where not all do; `None`: all of them.
    pub virtual_card_departments: Option<&'static [&'static str]>,
    /// In the Home Health Care Integration Plan (居家醫療照護整合計畫): its professionals may
    /// apply for the card for their registered cases (專案申請).
    pub home_care_plan: bool,
    /// The persons registered as its home-care cases.
    pub home_care_cases: &'static [&'static str],
    pub sam_key: &'static str,
    /// (card id, holder, PIN)
    pub professional: (&'static str, &'static str, &'static str),
}

pub const DEMO_INSTITUTIONS: [DemoInstitution; 6] = [
    DemoInstitution {
        code: "0101090517",
        name: "臺北市立聯合醫院仁愛院區",
        area: "臺北市大安區",
        address: "臺北市大安區仁愛路四段10號",
        departments: &["家醫科", "內科", "外科", "小兒科", "眼科"],
        accepts_virtual_card: true,
        virtual_card_departments: Some(&["家醫科", "內科", "小兒科"]),
        home_care_plan: false,
        home_care_cases: &[],
        sam_key: "SAM-0101090517",
        professional: ("HPC-DR-0001", "陳大文 醫師", "246810"),
    },
    DemoInstitution {
        code: "3501200000",
        name: "好心家庭醫學科診所",
        area: "新北市板橋區",
        address: "新北市板橋區文化路一段100號",
        departments: &["家醫科", "小兒科"],
        accepts_virtual_card: true,
        virtual_card_departments: None,
        home_care_plan: false,
        home_care_cases: &[],
        sam_key: "SAM-3501200000",
        professional: ("HPC-DR-0002", "林美華 醫師", "135790"),
    },
    DemoInstitution {
        code: "1317050017",
        name: "高雄醫學大學附設中和紀念醫院",
        area: "高雄市三民區",
        address: "高雄市三民區自由一路100號",
        departments: &["內科", "外科", "婦產科", "皮膚科"],
        accepts_virtual_card: true,
        virtual_card_departments: Some(&["內科", "皮膚科"]),
        home_care_plan: false,
        home_care_cases: &[],
        sam_key: "SAM-1317050017",
        professional: ("HPC-DR-0003", "黃志明 醫師", "975310"),
    },
    DemoInstitution {
        code: "1145010010",
        name: "花蓮慈濟醫院",
        area: "花蓮縣花蓮市",
        address: "花蓮縣花蓮市中央路三段707號",
        departments: &["家醫科", "內科", "骨科", "復健科"],
        accepts_virtual_card: true,
        virtual_card_departments: None,
        home_care_plan: true,
        home_care_cases: &[],
        sam_key: "SAM-1145010010",
        professional: ("HPC-DR-0004", "吳淑芬 醫師", "864209"),
    },
    DemoInstitution {
        code: "3601100000",
        name: "康寧牙醫診所",
        area: "臺中市西區",
        address: "臺中市西區民生路200號",
        departments: &["牙科"],
        accepts_virtual_card: false,
        virtual_card_departments: None,
        home_care_plan: false,
        home_care_cases: &[],
        sam_key: "SAM-3601100000",
        professional: ("HPC-DDS-0005", "張家豪 牙醫師", "112233"),
    },
    DemoInstitution {
        code: "3501209876",
        name: "安康居家護理所",
        area: "新北市板橋區",
        address: "新北市板橋區中山路一段50號",
        departments: &["居家護理"],
        accepts_virtual_card: true,
        virtual_card_departments: None,
        home_care_plan: true,
        // 林清水 and 李秀英, cared for at home.
        home_care_cases: &["H120246804", "F241357928"],
        sam_key: "SAM-3501209876",
        professional: ("HPC-RN-0006", "許雅婷 護理師", "468024"),
    },
];

/// Seeds the demo institutions that are missing (all of them in a new database), then their
/// place in the home-care plan and its registered cases.
pub async fn seed_if_missing(store: &dyn Store, key: &ServerKey) -> Result<(), StoreError> {
    for i in &DEMO_INSTITUTIONS {
        if store.find_institution(i.code).await?.is_some() {
            continue;
        }
        store
            .insert_institution(&InstitutionRecord {
                code: i.code.into(),
                name: i.name.into(),
                area: i.area.into(),
                address: i.address.into(),
                departments: i.departments.iter().map(|d| d.to_string()).collect(),
                accepts_virtual_card: i.accepts_virtual_card,
                virtual_card_departments: None,
                sam_key_hash: key.keyed(Purpose::SamKey, i.sam_key),
            })
            .await?;
        let (hpc, name, pin) = i.professional;
        store
            .insert_professional(hpc, i.code, name, &key.keyed(Purpose::HpcPin, pin))
            .await?;
    }
    for i in &DEMO_INSTITUTIONS {
        store.set_home_care_plan(i.code, i.home_care_plan).await?;
        store
            .set_virtual_card_departments(i.code, i.virtual_card_departments)
            .await?;
        for case in i.home_care_cases {
            let id = IdNumber::parse(case).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            if store.find_person(&id).await?.is_some() {
                store.register_home_care_case(i.code, &id).await?;
            }
        }
    }
    Ok(())
}
