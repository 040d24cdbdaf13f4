//! Demo data for a new database: the persons the README lists, with valid ID numbers
//! (the examples printed in the NHIA manuals fail the checksum, so they are not used).

pub mod health;
pub mod institutions;

use chrono::NaiveDate;

use super::crypto::password_hash;
use super::store::{Contract, PersonRecord, Sex, Store, StoreError, TelecomSubscription};
use nhi_core::domain::{CardNumber, IdNumber, MobileNumber};

/// One demo person, with their registration password and phone.
pub struct DemoPerson {
    pub id_number: &'static str,
    pub name: &'static str,
    pub birth_date: (i32, u32, u32),
    pub sex: Sex,
    pub card_number: &'static str,
    pub card_voided: bool,
    /// `None`: not registered yet (registers on the website).
    pub password: Option<&'static str>,
    pub mobile: Option<(&'static str, &'static str, Contract)>,
    /// The serial of the citizen digital certificate (自然人憑證) issued to them, if any
    /// (issued to Taiwanese citizens of 18 and over).
    pub certificate: Option<&'static str>,
    pub role: &'static str,
}

pub const DEMO_PERSONS: [DemoPerson; 10] = [
    DemoPerson {
        id_number: "A123456789",
        name: "王小明",
        birth_date: (1981, 1, 1),
        sex: Sex::Male,
        card_number: "000012345678",
        card_voided: false,
        password: Some("Wang@2026"),
        mobile: Some(("0912345678", "中華電信", Contract::Monthly)),
        certificate: Some("5ALXDWELO8G9K1NZ"),
        role: "adult, monthly-contract phone",
    },
    DemoPerson {
        id_number: "A223456781",
        name: "王陳美玉",
        birth_date: (1946, 3, 15),
        sex: Sex::Female,
        card_number: "000023456781",
        card_voided: false,
        password: Some("Mei#1946ok"),
        mobile: Some(("0922333444", "台灣大哥大", Contract::Monthly)),
        certificate: Some("90WDNT8Z1NDLOH38"),
        role: "elderly parent",
    },
    DemoPerson {
        id_number: "A135792469",
        name: "王小華",
        birth_date: (2015, 6, 1),
        sex: Sex::Male,
        card_number: "000035792469",
        card_voided: false,
        password: Some("Hua2015!x"),
        mobile: None,
        certificate: None,
        role: "child under 14",
    },
    DemoPerson {
        id_number: "F913579249",
        name: "SITI RAHAYU",
        birth_date: (1990, 9, 9),
        sex: Sex::Female,
        card_number: "000043579249",
        card_voided: false,
        password: Some("Siti*2026"),
        mobile: Some(("0955666777", "遠傳電信", Contract::Prepaid)),
        certificate: None,
        role: "foreign caregiver (UI number), prepaid phone",
    },
    DemoPerson {
        id_number: "B120034568",
        name: "林志明",
        birth_date: (1975, 11, 30),
        sex: Sex::Male,
        card_number: "000050034568",
        card_voided: true,
        password: Some("Lin$1975a"),
        mobile: Some(("0933111222", "亞太電信", Contract::Monthly)),
        certificate: Some("BLILA26PTCANKV18"),
        role: "card voided",
    },
    DemoPerson {
        id_number: "E124680130",
        name: "陳志豪",
        birth_date: (1988, 4, 12),
        sex: Sex::Male,
        card_number: "000024680130",
        card_voided: false,
        password: None,
        mobile: Some(("0966777888", "中華電信", Contract::Monthly)),
        certificate: Some("J3FKIY39UYE0BA5A"),
        role: "adult, not registered yet (registers on the website)",
    },
    DemoPerson {
        id_number: "H120246804",
        name: "林清水",
        birth_date: (1938, 6, 2),
        sex: Sex::Male,
        card_number: "000020246804",
        card_voided: false,
        password: Some("Lin@1938ok"),
        mobile: Some(("0988123456", "中華電信", Contract::Monthly)),
        certificate: Some("081ALFBWHLFST3D1"),
        role: "elderly father who authorizes his daughter",
    },
    DemoPerson {
        id_number: "H221357915",
        name: "林秀琴",
        birth_date: (1968, 2, 14),
        sex: Sex::Female,
        card_number: "000021357915",
        card_voided: false,
        password: Some("Chin#1968"),
        mobile: Some(("0988654321", "台灣大哥大", Contract::Monthly)),
        certificate: Some("FM4AE3L7R8EA6RBV"),
        role: "daughter and caregiver, uses her father's card",
    },
    DemoPerson {
        id_number: "F924681358",
        name: "DEWI LESTARI",
        birth_date: (1995, 5, 20),
        sex: Sex::Female,
        card_number: "000024681358",
        card_voided: false,
        password: None,
        mobile: Some(("0977246813", "台灣之星", Contract::Prepaid)),
        certificate: None,
        role: "foreign caregiver, prepaid phone, not registered yet (registers on the website)",
    },
    DemoPerson {
        id_number: "F241357928",
        name: "李秀英",
        birth_date: (1941, 3, 15),
        sex: Sex::Female,
        card_number: "000041357928",
        card_voided: false,
        password: Some("Li#1941home"),
        mobile: Some(("0911222333", "中華電信", Contract::Monthly)),
        certificate: None,
        role: "elderly, cared for at home by a nurse who applies for her card (專案申請)",
    },
];

/// The demo NHIA reviewer for the reviewer console: (username, name, password).
pub const DEMO_REVIEWER: (&str, &str, &str) = ("reviewer", "審核員 林小姐", "Review@2026");

/// 重要資訊 a new database starts with (the console publishes more): (title, body).
const DEMO_ANNOUNCEMENTS: [(&str, &str); 2] = [
    (
        "居家醫療及臨櫃可代為申辦虛擬健保卡",
        "居家醫療照護整合計畫的醫事人員可為收案個案、健保署各業務組臨櫃人員可為臨櫃民眾代為申辦虛擬健保卡（專案申請），民眾將收到簡訊及電子郵件通知。",
    ),
    (
        "請勿將就醫 QR 碼分享給他人",
        "虛擬健保卡的 QR 碼每 5 分鐘自動更新，僅供就醫時出示；家人代為就醫請使用「授權管理」，勿截圖分享給不認識的人。",
    ),
];

/// The demo NHIA counter staff member of a regional division (臨櫃人員), who takes
/// applications at the counter in the console and in the app: (username, name, password).
pub const DEMO_COUNTER_STAFF: (&str, &str, &str) =
    ("counter", "臺北業務組 臨櫃 王專員", "Counter@2026");

/// Seeds the demo persons if the store has nobody yet.
pub async fn seed_if_empty(store: &dyn Store) -> Result<bool, StoreError> {
    if store.person_count().await? > 0 {
        return Ok(false);
    }
    for demo in &DEMO_PERSONS {
        let id = IdNumber::parse(demo.id_number).expect("demo IDs are valid");
        let (y, m, d) = demo.birth_date;
        store
            .insert_person(&PersonRecord {
                id_number: id.clone(),
                name: demo.name.into(),
                birth_date: NaiveDate::from_ymd_opt(y, m, d).expect("demo dates are valid"),
                sex: demo.sex,
                card_number: CardNumber::parse(demo.card_number).expect("demo cards are valid"),
                card_issue_date: NaiveDate::from_ymd_opt(2020, 1, 2).expect("valid date"),
                card_voided: demo.card_voided,
                email: None,
            })
            .await?;
        if let Some(password) = demo.password {
            let hash = password_hash::hash(password.into())
                .await
                .map_err(|e| StoreError::Corrupt(e.to_string()))?;
            store.insert_account(&id, &hash).await?;
        }
        if let Some((mobile, carrier, contract)) = demo.mobile {
            store
                .insert_subscription(&TelecomSubscription {
                    mobile: MobileNumber::parse(mobile).expect("demo phones are valid"),
                    owner_id: id,
                    carrier: carrier.into(),
                    contract,
                })
                .await?;
        }
    }
    health::seed_if_missing(store).await?;
    for (title, body) in DEMO_ANNOUNCEMENTS {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-20T09:00:00+08:00")
            .expect("a valid time")
            .to_utc();
        store
            .publish_announcement(title, body, "zh-TW", DEMO_REVIEWER.0, at)
            .await?;
    }
    for (username, name, password) in [DEMO_REVIEWER, DEMO_COUNTER_STAFF] {
        let hash = password_hash::hash(password.into())
            .await
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        store.insert_reviewer(username, name, &hash).await?;
    }
    Ok(true)
}

/// Issues the demo persons' citizen certificates in the simulated certificate authority's
/// registry, where missing (databases made before the registry existed get them too).
pub async fn seed_certificates(store: &dyn Store) -> Result<(), StoreError> {
    for demo in &DEMO_PERSONS {
        if let Some(serial) = demo.certificate {
            let id = IdNumber::parse(demo.id_number).expect("demo IDs are valid");
            if store.find_person(&id).await?.is_some() {
                store.issue_certificate(serial, &id).await?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use nhi_core::domain::password;

    #[test]
    fn demo_data_follows_the_rules() {
        for demo in &DEMO_PERSONS {
            IdNumber::parse(demo.id_number).unwrap();
            CardNumber::parse(demo.card_number).unwrap();
            if let Some(pw) = demo.password {
                password::validate(pw).unwrap();
                assert_eq!(password::strength(pw), password::Strength::Strong);
            }
        }
    }
}
