//! 專案申請 by NHIA counter staff (臨櫃人員), over real TLS: in the app with their staff
//! account (a session in `X-Staff-Session`), and at the reviewer console's 臨櫃申辦 page with
//! the person present — each marked as the counter's, told to the person, in their records.

use crate::support;

use nhi_core::api::{CardState, StaffApplication, StaffPersonCheck};
use nhi_core::domain::card_application::Channel;
use reqwest::Method;
use support::clinic::Clinic;
use support::images::{document, jpeg, portrait};
use support::*;

const LI_ID: &str = "F241357928";
const LI_NAME: &str = "李秀英";
const LI_BIRTH: &str = "1941-03-15";

fn li() -> StaffPersonCheck {
    StaffPersonCheck {
        id_number: LI_ID.into(),
        name: LI_NAME.into(),
        birth_date: LI_BIRTH.parse().unwrap(),
    }
}

/// Counter staff's sign-in in the app: the status and the answer.
async fn sign_in(t: &TestBackend, password: &str) -> (u16, serde_json::Value) {
    let login = serde_json::json!({ "username": "counter", "password": password });
    Clinic::new(t)
        .call(Method::POST, "/counter-staff/sessions", &[], Some(login))
        .await
}

/// 李秀英 signs in on her own phone.
async fn li_signs_in(t: &TestBackend) -> String {
    t.bind_by_phone(LI_ID, "7928", "0911222333", "Li#1941home", &device(6))
        .await
        .session
        .expect("signed in")
        .token
}

#[tokio::test]
async fn counter_staff_apply_in_the_app_with_their_staff_account() {
    let t = TestBackend::spawn().await;
    let clinic = Clinic::new(&t);
    // A wrong password counts down, as at the console's login.
    let (status, body) = sign_in(&t, "Counter@2025").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("wrong_credentials"))
    );
    assert!(body["attempts_left"].as_u64().is_some(), "{body}");
    let (status, session) = sign_in(&t, "Counter@2026").await;
    assert_eq!(status, 201, "{session}");
    assert!(session["name"].as_str().unwrap().contains("王專員"));
    let token = session["token"].as_str().unwrap().to_owned();
    let staff = [("x-staff-session", token.as_str())];

    // A forged session is nobody.
    let check = serde_json::to_value(li()).unwrap();
    let forged = [("x-staff-session", "forged-token-0000000000000000000000")];
    let (status, body) = clinic
        .call(
            Method::POST,
            "/institution/card-applications/person-checks",
            &forged,
            Some(check.clone()),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("unauthenticated"))
    );

    // The counter may apply for anyone present (no case registry), checked as a card reader.
    let (status, checked) = clinic
        .call(
            Method::POST,
            "/institution/card-applications/person-checks",
            &staff,
            Some(check),
        )
        .await;
    assert_eq!(status, 200, "{checked}");
    let mut ids = Vec::new();
    for (kind, image) in [
        ("consent_form", document()),
        ("id_document", document()),
        ("photo", jpeg(&portrait(600, 800, 248), 90)),
    ] {
        let path = format!("/institution/card-applications/uploads/{kind}?id_number={LI_ID}");
        let (status, body) = clinic.send_image(&path, &staff, image).await;
        assert_eq!(status, 201, "{kind}: {body}");
        ids.push(body["upload_id"].as_str().unwrap().to_owned());
    }
    let application = StaffApplication {
        person: li(),
        consented: true,
        consent_form_upload: ids[0].clone(),
        document_upload: ids[1].clone(),
        photo_upload: ids[2].clone(),
        contact_phone: "0911222333".into(),
        email: "li.xiuying@example.tw".into(),
    };
    let (status, filed) = clinic
        .call(
            Method::POST,
            "/institution/card-applications",
            &staff,
            Some(serde_json::to_value(&application).unwrap()),
        )
        .await;
    assert_eq!(status, 201, "{filed}");

    // She is told who applied, and sees it made for her by the counter.
    let (_, outbox) = support::site::Site::new(&t).get("/outbox").await;
    assert!(outbox.contains("li.xiuying@example.tw"), "{outbox}");
    assert!(outbox.contains("王專員"), "{outbox}");
    let li = li_signs_in(&t).await;
    let card = t.client.card(&li).await.unwrap();
    assert_eq!(card.state, CardState::UnderReview);
    let made = card.application.expect("the application");
    assert_eq!(made.channel, Channel::Counter);
    assert!(made.applied_by.unwrap().contains("中央健康保險署"));
}

#[tokio::test]
async fn the_console_takes_an_application_at_the_counter_and_it_is_in_the_persons_records() {
    let t = TestBackend::spawn().await;
    let mut clerk = support::site::Site::new(&t);
    // Signed out, the page is the login's.
    let (status, _) = clerk.get("/review/counter-applications").await;
    assert_eq!(status, 303);
    let (status, _) = clerk
        .post(
            "/review/login",
            &[("username", "counter"), ("password", "Counter@2026")],
        )
        .await;
    assert_eq!(status, 303);
    let (status, form) = clerk.get("/review/counter-applications").await;
    assert_eq!(status, 200);
    assert!(form.contains("Counter application"), "{form}");

    let fields = [
        ("id_number", LI_ID),
        ("name", LI_NAME),
        ("birth_date", LI_BIRTH),
        ("consented", "yes"),
        ("contact_phone", "0911222333"),
        ("email", "li.xiuying@example.tw"),
    ];
    let files = || {
        vec![
            ("consent_form", document()),
            ("id_document", document()),
            ("photo", jpeg(&portrait(600, 800, 248), 90)),
        ]
    };
    // Not ticked: refused, what was typed kept, nothing filed.
    let unticked: Vec<_> = fields
        .iter()
        .copied()
        .filter(|(k, _)| *k != "consented")
        .collect();
    let (status, page) = clerk
        .post_multipart("/review/counter-applications", &unticked, &files())
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("consent"), "{page}");
    assert!(page.contains("li.xiuying@example.tw"), "typed kept: {page}");
    // A name not as in the records.
    let mut wrong = fields.to_vec();
    wrong[1] = ("name", "李秀瑛");
    let (status, page) = clerk
        .post_multipart("/review/counter-applications", &wrong, &files())
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("insurance records"), "{page}");
    // A file that is no image.
    let mut not_images = files();
    not_images[2].1 = b"GIF89a not really".to_vec();
    let (status, page) = clerk
        .post_multipart("/review/counter-applications", &fields, &not_images)
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("cannot be read"), "{page}");

    let (status, page) = clerk
        .post_multipart("/review/counter-applications", &fields, &files())
        .await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("submitted"), "{page}");
    // The same person again: one open application whatever the channel.
    let (status, page) = clerk
        .post_multipart("/review/counter-applications", &fields, &files())
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("under review"), "{page}");

    // In the queue and on the application's page as the counter's.
    let (_, queue) = clerk.get("/review").await;
    assert!(queue.contains(LI_NAME), "{queue}");
    let li = li_signs_in(&t).await;
    let card = t.client.card(&li).await.unwrap();
    let number = card.application.as_ref().unwrap().number;
    assert_eq!(card.application.unwrap().channel, Channel::Counter);
    let (_, page) = clerk.get(&format!("/review/applications/{number}")).await;
    assert!(page.contains("王專員"), "{page}");
    assert!(page.contains("/images/consent-form"), "{page}");

    // She withdraws it, applies herself; her records list both, newest first, with who made them.
    t.client.cancel_card(&li).await.unwrap();
    support::card::apply_for_card(&t, &li).await;
    let records = t.client.application_records(&li).await.unwrap();
    assert_eq!(records.len(), 2, "{records:?}");
    assert_eq!(records[0].channel, Channel::App);
    assert_eq!(records[1].channel, Channel::Counter);
    assert_eq!(records[1].number, number);
    assert!(records[1].applied_by.as_deref().unwrap().contains("王專員"));
}
