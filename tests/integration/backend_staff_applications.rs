//! 專案申請 over real TLS: a professional of a home-care plan institution applies for the
//! Virtual NHI Card of a registered case — checked, consented, reviewed and approved like any
//! application — and every refusal on the way.

use crate::support;

use nhi_core::api::{CardState, StaffApplication, StaffPersonCheck};
use nhi_core::domain::card_application::Channel;
use reqwest::Method;
use support::clinic::{Clinic, CLINIC, HOME_CARE};
use support::images::{document, jpeg, portrait};
use support::*;

pub(crate) const LIN_ID: &str = "H120246804";
const LIN_NAME: &str = "林清水";
const LIN_BIRTH: &str = "1938-06-02";

fn lin() -> StaffPersonCheck {
    StaffPersonCheck {
        id_number: LIN_ID.into(),
        name: LIN_NAME.into(),
        birth_date: LIN_BIRTH.parse().unwrap(),
    }
}

fn code_of(answer: &serde_json::Value) -> String {
    answer["code"].as_str().unwrap_or_default().to_owned()
}

/// Uploads the three images for 林清水 as `cards`; their ids (consent form, document, photo).
pub(crate) async fn images_for_lin(
    t: &TestBackend,
    cards: &[(&str, &str)],
) -> (String, String, String) {
    let clinic = Clinic::new(t);
    let mut ids = Vec::new();
    for (kind, image) in [
        ("consent_form", document()),
        ("id_document", document()),
        ("photo", jpeg(&portrait(600, 800, 248), 90)),
    ] {
        let path = format!("/institution/card-applications/uploads/{kind}?id_number={LIN_ID}");
        let (status, body) = clinic.send_image(&path, cards, image).await;
        assert_eq!(status, 201, "{kind}: {body}");
        ids.push(body["upload_id"].as_str().unwrap().to_owned());
    }
    (ids[0].clone(), ids[1].clone(), ids[2].clone())
}

pub(crate) fn application(consent: String, document: String, photo: String) -> StaffApplication {
    StaffApplication {
        person: lin(),
        consented: true,
        consent_form_upload: consent,
        document_upload: document,
        photo_upload: photo,
        contact_phone: "0988654321".into(),
        email: "lin.daughter@example.tw".into(),
    }
}

pub(crate) async fn file(
    t: &TestBackend,
    cards: &[(&str, &str)],
    a: &StaffApplication,
) -> (u16, serde_json::Value) {
    let body = serde_json::to_value(a).unwrap();
    Clinic::new(t)
        .call(
            Method::POST,
            "/institution/card-applications",
            cards,
            Some(body),
        )
        .await
}

#[tokio::test]
async fn a_home_care_nurse_applies_for_a_registered_case_who_is_told_and_then_approved() {
    let t = TestBackend::spawn().await;
    let clinic = Clinic::new(&t);
    let check = serde_json::to_value(lin()).unwrap();
    let (status, checked) = clinic
        .call(
            Method::POST,
            "/institution/card-applications/person-checks",
            &HOME_CARE,
            Some(check),
        )
        .await;
    assert_eq!(status, 200, "{checked}");
    assert_eq!(checked["masked_id"], "H12****804");
    assert_eq!(checked["name"], LIN_NAME);

    let (consent, doc, photo) = images_for_lin(&t, &HOME_CARE).await;
    let (status, filed) = file(&t, &HOME_CARE, &application(consent, doc, photo)).await;
    assert_eq!(status, 201, "{filed}");

    // Told by e-mail and SMS, with who applied and how to withdraw.
    let mut site = support::site::Site::new(&t);
    let (_, outbox) = site.get("/outbox").await;
    assert!(outbox.contains("lin.daughter@example.tw"), "{outbox}");
    assert!(outbox.contains("安康居家護理所"), "{outbox}");
    let _ = &mut site;

    // 林清水 signs in (on his daughter's phone): the application made for him, under review.
    let login = t
        .bind_by_phone(LIN_ID, "6804", "0988123456", "Lin@1938ok", &device(5))
        .await
        .session
        .expect("signed in");
    let card = t.client.card(&login.token).await.unwrap();
    assert_eq!(card.state, CardState::UnderReview);
    let made = card.application.expect("the application");
    assert_eq!(made.channel, Channel::HomeCare);
    assert_eq!(made.applied_by.as_deref(), Some("安康居家護理所"));

    // The reviewer sees the channel and the consent form, and approves as for any other.
    let mut reviewer = support::site::Site::new(&t);
    let (status, _) = reviewer
        .post(
            "/review/login",
            &[("username", "reviewer"), ("password", "Review@2026")],
        )
        .await;
    assert_eq!(status, 303);
    let number = made.number;
    let (_, page) = reviewer
        .get(&format!("/review/applications/{number}"))
        .await;
    assert!(page.contains("安康居家護理所"), "{page}");
    assert!(page.contains("/images/consent-form"), "{page}");
    let (status, _) = reviewer
        .get(&format!(
            "/review/applications/{number}/images/consent-form"
        ))
        .await;
    assert_eq!(status, 200);
    let (status, _) = reviewer
        .post(
            &format!("/review/applications/{number}/decision"),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(status, 303);
    let card = t.client.card(&login.token).await.unwrap();
    assert_eq!(card.state, CardState::Approved);
}

#[tokio::test]
async fn only_plan_institutions_and_only_for_their_cases() {
    let t = TestBackend::spawn().await;
    let clinic = Clinic::new(&t);
    // A family clinic outside the plan.
    let check = serde_json::to_value(lin()).unwrap();
    let (status, body) = clinic
        .call(
            Method::POST,
            "/institution/card-applications/person-checks",
            &CLINIC,
            Some(check.clone()),
        )
        .await;
    assert_eq!(
        (status, code_of(&body).as_str()),
        (403, "not_in_home_care_plan")
    );
    // A person not registered with the plan institution.
    let adult = serde_json::json!({ "id_number": ADULT_ID, "name": ADULT_NAME, "birth_date": "1981-01-01" });
    let (status, body) = clinic
        .call(
            Method::POST,
            "/institution/card-applications/person-checks",
            &HOME_CARE,
            Some(adult),
        )
        .await;
    assert_eq!((status, code_of(&body).as_str()), (403, "not_a_case"));
    let (status, body) = clinic
        .send_image(
            &format!("/institution/card-applications/uploads/photo?id_number={ADULT_ID}"),
            &HOME_CARE,
            jpeg(&portrait(600, 800, 248), 90),
        )
        .await;
    assert_eq!((status, code_of(&body).as_str()), (403, "not_a_case"));
    // A name not as in the records counts down like a card reader's check.
    let wrong =
        serde_json::json!({ "id_number": LIN_ID, "name": "林清山", "birth_date": LIN_BIRTH });
    let (status, body) = clinic
        .call(
            Method::POST,
            "/institution/card-applications/person-checks",
            &HOME_CARE,
            Some(wrong),
        )
        .await;
    assert_eq!((status, code_of(&body).as_str()), (422, "person_mismatch"));
    assert_eq!(body["attempts_left"], 4);
}

#[tokio::test]
async fn consent_is_required_and_the_form_must_be_this_persons() {
    let t = TestBackend::spawn().await;
    let (consent, doc, photo) = images_for_lin(&t, &HOME_CARE).await;
    let unticked = StaffApplication {
        consented: false,
        ..application(consent.clone(), doc.clone(), photo.clone())
    };
    let (status, body) = file(&t, &HOME_CARE, &unticked).await;
    assert_eq!((status, code_of(&body).as_str()), (422, "consent_required"));
    // The ID document offered as the consent form.
    let (status, body) = file(
        &t,
        &HOME_CARE,
        &application(doc.clone(), doc.clone(), photo.clone()),
    )
    .await;
    assert_eq!((status, code_of(&body).as_str()), (422, "consent_required"));
    // Nothing was filed meanwhile: the real one goes through.
    let (status, body) = file(&t, &HOME_CARE, &application(consent, doc, photo)).await;
    assert_eq!(status, 201, "{body}");
}

#[tokio::test]
async fn one_open_application_whatever_the_channel_and_the_person_may_withdraw() {
    let t = TestBackend::spawn().await;
    // 林清水 applies himself first.
    let login = t
        .bind_by_phone(LIN_ID, "6804", "0988123456", "Lin@1938ok", &device(5))
        .await
        .session
        .unwrap();
    support::card::apply_for_card(&t, &login.token).await;
    let (consent, doc, photo) = images_for_lin(&t, &HOME_CARE).await;
    let (status, body) = file(
        &t,
        &HOME_CARE,
        &application(consent.clone(), doc.clone(), photo.clone()),
    )
    .await;
    assert_eq!((status, code_of(&body).as_str()), (409, "application_open"));
    // He withdraws his own; now the nurse's goes through, and he can withdraw that too.
    t.client.cancel_card(&login.token).await.unwrap();
    let (status, body) = file(&t, &HOME_CARE, &application(consent, doc, photo)).await;
    assert_eq!(status, 201, "{body}");
    t.client.cancel_card(&login.token).await.unwrap();
    let card = t.client.card(&login.token).await.unwrap();
    assert_eq!(card.state, CardState::None);
}

#[tokio::test]
async fn three_wrong_pins_block_the_professional_card() {
    let t = TestBackend::spawn().await;
    let clinic = Clinic::new(&t);
    let wrong_pin = [
        HOME_CARE[0],
        HOME_CARE[1],
        HOME_CARE[2],
        ("x-hpc-pin", "000000"),
    ];
    let check = serde_json::to_value(lin()).unwrap();
    let answers = futures_util::future::join_all((0..8).map(|_| {
        clinic.call(
            Method::POST,
            "/institution/card-applications/person-checks",
            &wrong_pin,
            Some(check.clone()),
        )
    }))
    .await;
    let blocked = answers.iter().filter(|(s, _)| *s == 423).count();
    let checked = answers.iter().filter(|(s, _)| *s == 401).count();
    assert!(checked <= 3, "{answers:?}");
    assert!(blocked >= 5, "{answers:?}");
    // Blocked: even the right PIN now.
    let (status, _) = clinic
        .call(
            Method::POST,
            "/institution/card-applications/person-checks",
            &HOME_CARE,
            Some(check),
        )
        .await;
    assert_eq!(status, 423);
}
