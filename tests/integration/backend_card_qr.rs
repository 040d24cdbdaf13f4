//! The card's one-time QR and the institution side over real TLS: the three-card check,
//! verification with clinic-side codes, consumption, V-sequence numbers, the public list.

use crate::support;

use chrono::Duration;
use nhi_client::client::ClientError;
use nhi_core::api::{CardQr, ProblemCode, QrState, Verification};
use nhi_core::i18n::Lang;
use support::clinic::*;
use support::*;

/// The adult, signed in, with a card under review (photo-less).
async fn holder(t: &TestBackend) -> String {
    let token = t.signed_in_adult().await.token;
    support::card::apply_for_card(t, &token).await;
    token
}

async fn qr(t: &TestBackend, token: &str) -> CardQr {
    t.client.card_qr(token).await.unwrap()
}

#[tokio::test]
async fn a_verified_qr_tells_who_it_is_and_is_consumed() {
    let t = TestBackend::spawn().await;
    let token = holder(&t).await;
    let code = qr(&t, &token).await;
    assert!(code.payload.starts_with("NHIEXPRESS:CARD:1:"));
    assert!(
        !code.payload.contains(ADULT_ID) && !code.payload.contains("王"),
        "no personal data in the code"
    );
    assert_eq!(
        t.client.qr_status(&token, &code.qr_id).await.unwrap().state,
        QrState::Active
    );

    let (status, body) = Clinic::new(&t).verify(&CLINIC, &code.payload).await;
    assert_eq!(status, 200, "{body}");
    let v: Verification = serde_json::from_value(body).unwrap();
    assert_eq!(v.name, ADULT_NAME);
    assert_eq!(v.id_number, ADULT_ID);
    assert_eq!(v.birth_date_roc, "0700101");
    assert_eq!(v.card_number, "000012345678");
    assert!(v.photo_less, "under review: no photo yet");
    assert!(!v.presented_by_delegate);
    assert_eq!(v.visit_sequence, "V001");

    let status = t.client.qr_status(&token, &code.qr_id).await.unwrap();
    assert_eq!(status.state, QrState::Used);
    assert_eq!(status.institution.as_deref(), Some("好心家庭醫學科診所"));

    let (status, body) = Clinic::new(&t).verify(&CLINIC, &code.payload).await;
    assert_eq!(
        (status, body["his_code"].as_u64()),
        (409, Some(1020)),
        "reuse is refused"
    );
}

#[tokio::test]
async fn a_qr_lasts_exactly_five_minutes() {
    let t = TestBackend::spawn().await;
    let token = holder(&t).await;
    let early = qr(&t, &token).await;
    let late = qr(&t, &token).await;
    t.clock.advance(Duration::seconds(299));
    assert_eq!(Clinic::new(&t).verify(&CLINIC, &early.payload).await.0, 200);
    t.clock.advance(Duration::seconds(1));
    let (status, body) = Clinic::new(&t).verify(&CLINIC, &late.payload).await;
    assert_eq!((status, body["his_code"].as_u64()), (410, Some(1018)));
    assert_eq!(
        t.client.qr_status(&token, &late.qr_id).await.unwrap().state,
        QrState::Expired
    );
}

#[tokio::test]
async fn sixty_four_clinics_racing_for_one_qr_get_it_once() {
    let t = TestBackend::spawn().await;
    let token = holder(&t).await;
    let code = qr(&t, &token).await;
    let clinic = std::sync::Arc::new(Clinic::new(&t));
    let tasks: Vec<_> = (0..64)
        .map(|_| {
            let clinic = clinic.clone();
            let payload = code.payload.clone();
            tokio::spawn(async move { clinic.verify(&CLINIC, &payload).await.0 })
        })
        .collect();
    let mut ok = 0;
    for task in tasks {
        match task.await.unwrap() {
            200 => ok += 1,
            409 => {}
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!(ok, 1);
}

#[tokio::test]
async fn visit_sequence_numbers_count_up_and_never_collide() {
    let t = TestBackend::spawn().await;
    let token = holder(&t).await;
    let mut codes = Vec::new();
    for _ in 0..12 {
        codes.push(qr(&t, &token).await.payload);
    }
    let clinic = std::sync::Arc::new(Clinic::new(&t));
    let tasks: Vec<_> = codes
        .into_iter()
        .map(|payload| {
            let clinic = clinic.clone();
            tokio::spawn(async move {
                clinic.verify(&CLINIC, &payload).await.1["visit_sequence"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
        })
        .collect();
    let mut seen = Vec::new();
    for task in tasks {
        seen.push(task.await.unwrap());
    }
    seen.sort();
    let expected: Vec<String> = (1..=12).map(|n| format!("V{n:03}")).collect();
    assert_eq!(seen, expected);
}

#[tokio::test]
async fn a_qr_issued_before_the_card_was_voided_is_refused() {
    let t = TestBackend::spawn().await;
    let token = holder(&t).await;
    let code = qr(&t, &token).await;
    t.client.cancel_card(&token).await.unwrap();
    let (status, body) = Clinic::new(&t).verify(&CLINIC, &code.payload).await;
    assert_eq!((status, body["his_code"].as_u64()), (403, Some(3203)));
    assert!(
        t.client.card_qr(&token).await.is_err(),
        "no card, no new codes"
    );
}

#[tokio::test]
async fn no_verification_without_the_three_cards() {
    let t = TestBackend::spawn().await;
    let token = holder(&t).await;
    let code = qr(&t, &token).await;
    let clinic = Clinic::new(&t);
    let (status, body) = clinic.verify(&[], &code.payload).await;
    assert_eq!((status, body["his_code"].as_u64()), (401, Some(4012)));
    let (status, body) = clinic.verify(&CLINIC[..2], &code.payload).await;
    assert_eq!((status, body["his_code"].as_u64()), (401, Some(4014)));
    let mut wrong_pin = CLINIC;
    wrong_pin[3].1 = "000000";
    assert_eq!(
        clinic.verify(&wrong_pin, &code.payload).await.1["his_code"].as_u64(),
        Some(4014)
    );
    let mut wrong_sam = CLINIC;
    wrong_sam[1].1 = "SAM-forged";
    assert_eq!(
        clinic.verify(&wrong_sam, &code.payload).await.1["his_code"].as_u64(),
        Some(4012)
    );
    let (status, body) = clinic.verify(&DENTIST, &code.payload).await;
    assert_eq!((status, body["his_code"].as_u64()), (403, Some(1042)));
    // None of that consumed the code.
    assert_eq!(clinic.verify(&CLINIC, &code.payload).await.0, 200);
    let (status, body) = clinic
        .verify(
            &CLINIC,
            "NHIEXPRESS:CARD:1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        )
        .await;
    assert_eq!((status, body["his_code"].as_u64()), (404, Some(1019)));
}

#[tokio::test]
async fn the_public_list_shows_only_participating_institutions_and_searches() {
    let t = TestBackend::spawn().await;
    let all = t.client.institutions("", "", "").await.unwrap();
    assert_eq!(
        all.len(),
        5,
        "four clinics and hospitals and the home-care nursing institution"
    );
    assert!(all.iter().all(|i| i.accepts_virtual_card));
    assert!(!all.iter().any(|i| i.name.contains("牙醫")));
    let taipei = t.client.institutions("", "臺北市", "").await.unwrap();
    assert_eq!(taipei.len(), 1);
    // Most people type 台 for 臺.
    let typed = t.client.institutions("台北", "", "").await.unwrap();
    assert_eq!(typed.len(), 1);
    assert_eq!(typed[0].name, "臺北市立聯合醫院仁愛院區");
    let in_area = t.client.institutions("", "台北", "").await.unwrap();
    assert_eq!(in_area.len(), 1);
    let paediatrics = t.client.institutions("", "", "小兒科").await.unwrap();
    assert_eq!(paediatrics.len(), 2);
    let named = t.client.institutions("慈濟", "", "").await.unwrap();
    assert_eq!(named[0].name, "花蓮慈濟醫院");
}

#[tokio::test]
async fn acceptance_is_per_department_and_the_search_by_department_follows_it() {
    // "Acceptance may vary from department to department within the same institution" (FAQ 5).
    let t = TestBackend::spawn().await;
    let all = t.client.institutions("", "", "").await.unwrap();
    let jenai = all.iter().find(|i| i.code == "0101090517").unwrap();
    assert_eq!(jenai.accepting_departments, ["家醫科", "內科", "小兒科"]);
    assert!(jenai.departments.contains(&"眼科".to_owned()));
    // Its ophthalmology does not take the virtual card: a search by 眼科 does not list it.
    let eyes = t.client.institutions("", "", "眼科").await.unwrap();
    assert!(eyes.iter().all(|i| i.code != "0101090517"), "{eyes:?}");
    let gyn = t.client.institutions("", "", "婦產科").await.unwrap();
    assert!(gyn.is_empty(), "{gyn:?}");
    let derm = t.client.institutions("", "", "皮膚科").await.unwrap();
    assert_eq!(derm.len(), 1);
    // Where every department takes it, the two lists are the same.
    let clinic = all.iter().find(|i| i.code == "3501200000").unwrap();
    assert_eq!(clinic.accepting_departments, clinic.departments);
}

#[tokio::test]
async fn a_too_long_search_is_explained_as_too_long_never_as_a_server_fault() {
    let t = TestBackend::spawn().await;
    // At the limit it is searched; one more character is refused by the app before sending,
    // in the person's language.
    let fifty = "臺".repeat(50);
    assert!(t
        .client
        .institutions(&fifty, "", "")
        .await
        .unwrap()
        .is_empty());
    for long in ["科".repeat(51), "臺".repeat(60_000)] {
        let error = t.client.institutions("", "", &long).await.unwrap_err();
        assert!(
            matches!(&error, ClientError::Problem(p) if p.code == ProblemCode::SearchTooLong),
            "{}",
            error.user_message(Lang::En)
        );
        assert!(error.user_message(Lang::ZhTw).contains("太長"));
    }
    // Another client sending it anyway gets the same refusal from the server.
    let url = format!(
        "{}/api/v1/institutions?q={}",
        t.backend.base_url(),
        "科".repeat(51)
    );
    let answer = t.raw_http().get(url).send().await.unwrap();
    assert_eq!(answer.status(), 422);
    let problem: nhi_core::api::Problem = answer.json().await.unwrap();
    assert_eq!(problem.code, ProblemCode::SearchTooLong);
}

#[tokio::test]
async fn every_verification_of_an_approved_card_carries_its_photo() {
    // From the second verification on, the backend has the counter photo's text and (on
    // PostgreSQL) the use statement leaves its bytes out: the answer must not lose it.
    let t = TestBackend::spawn().await;
    let token = t.signed_in_adult().await.token;
    support::card::approved_card(&t, &token).await;
    let mut photos = Vec::new();
    for _ in 0..3 {
        let code = qr(&t, &token).await;
        let (status, body) = Clinic::new(&t).verify(&CLINIC, &code.payload).await;
        assert_eq!(status, 200, "{body}");
        let v: Verification = serde_json::from_value(body).unwrap();
        assert!(!v.photo_less);
        photos.push(v.photo_jpeg_base64.expect("the approved card's photo"));
    }
    assert!(photos[0].starts_with("/9j/"), "a JPEG");
    assert!(
        photos.iter().all(|p| *p == photos[0]),
        "the same photo each time"
    );
}
