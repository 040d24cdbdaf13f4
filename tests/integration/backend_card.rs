//! Applying for the Virtual NHI Card over real TLS: uploads checked by decoding, the
//! application and its e-mails, the reviewer console, re-applying, approval, rejection,
//! cancellation, the demo auto-approval.

use crate::support;

use chrono::Duration;
use nhi_client::client::ClientError;
use nhi_core::api::{paths, CardState, ProblemCode, SubmitApplication};
use nhi_core::domain::card_application::{DocumentKind, RejectReason};
use support::images::*;
use support::site::Site;
use support::*;

fn problem(result: Result<impl std::fmt::Debug, ClientError>) -> nhi_core::api::Problem {
    match result {
        Err(ClientError::Problem(p)) => p,
        other => panic!("expected a problem, got {other:?}"),
    }
}

fn good_photo() -> Vec<u8> {
    jpeg(&portrait(600, 800, 248), 90)
}

/// Applies with good images; returns the application number.
async fn apply(t: &TestBackend, token: &str) -> i64 {
    let view = support::card::apply_for_card(t, token).await;
    assert_eq!(view.state, CardState::UnderReview);
    view.application.unwrap().number
}

/// The reviewer console, signed in as the demo reviewer.
async fn reviewer(t: &TestBackend) -> Site {
    let mut site = Site::new(t);
    let (status, _) = site
        .post(
            "/review/login",
            &[("username", "reviewer"), ("password", "Review@2026")],
        )
        .await;
    assert_eq!(status, 303);
    site
}

#[tokio::test]
async fn a_person_without_a_card_is_told_which_document_to_upload() {
    let t = TestBackend::spawn().await;
    let login = t.signed_in_adult().await;
    let view = t.client.card(&login.token).await.unwrap();
    assert_eq!(view.state, CardState::None);
    assert_eq!(view.required_document, DocumentKind::NationalIdCard);
    assert!(view.application.is_none());
}

#[tokio::test]
async fn uploads_are_checked_by_decoding_not_by_name() {
    let t = TestBackend::spawn().await;
    let token = t.signed_in_adult().await.token;
    let p = problem(
        t.client
            .upload_image(&token, paths::PHOTO_UPLOADS, b"GIF89a-not-really".to_vec())
            .await,
    );
    assert_eq!((p.code, p.status), (ProblemCode::BadImage, 415));
    let p = problem(
        t.client
            .upload_image(&token, paths::PHOTO_UPLOADS, vec![7u8; 6 * 1024 * 1024])
            .await,
    );
    assert_eq!((p.code, p.status), (ProblemCode::BadImage, 413));
    let p = problem(
        t.client
            .upload_image(&token, paths::PHOTO_UPLOADS, png(&portrait(100, 130, 250)))
            .await,
    );
    assert_eq!((p.code, p.status), (ProblemCode::BadImage, 422));
    let ok = t
        .client
        .upload_image(&token, paths::PHOTO_UPLOADS, good_photo())
        .await
        .unwrap();
    assert_eq!((ok.width, ok.height), (600, 800));
    // Uploads need a session.
    assert!(t
        .client
        .upload_image("nobody", paths::PHOTO_UPLOADS, good_photo())
        .await
        .is_err());
}

#[tokio::test]
async fn applying_needs_the_terms_and_ones_own_uploads() {
    let t = TestBackend::spawn().await;
    let token = t.signed_in_adult().await.token;
    let doc = t
        .client
        .upload_image(&token, paths::DOCUMENT_UPLOADS, document())
        .await
        .unwrap();
    let photo = t
        .client
        .upload_image(&token, paths::PHOTO_UPLOADS, good_photo())
        .await
        .unwrap();
    let mut request = SubmitApplication {
        accepted_terms: false,
        document_upload: doc.upload_id.clone(),
        photo_upload: photo.upload_id.clone(),
        contact_phone: ADULT_MOBILE.into(),
        email: "wang@example.tw".into(),
    };
    assert_eq!(
        problem(t.client.apply_for_card(&token, &request).await).code,
        ProblemCode::TermsNotAccepted
    );
    request.accepted_terms = true;
    request.photo_upload = doc.upload_id.clone();
    assert_eq!(
        problem(t.client.apply_for_card(&token, &request).await).code,
        ProblemCode::UploadNotFound
    );
    request.photo_upload = "made-up".into();
    assert_eq!(
        problem(t.client.apply_for_card(&token, &request).await).code,
        ProblemCode::UploadNotFound
    );
    assert_eq!(
        t.client.card(&token).await.unwrap().state,
        CardState::None,
        "nothing changed"
    );
}

#[tokio::test]
async fn review_approve_then_the_photo_is_locked_until_the_card_is_cancelled() {
    let t = TestBackend::spawn().await;
    let token = t.signed_in_adult().await.token;
    let first = apply(&t, &token).await;
    // Re-applying while under review replaces the application.
    let second = apply(&t, &token).await;
    assert_ne!(first, second);

    let console = reviewer(&t).await;
    let (_, queue) = console.get("/review").await;
    assert_eq!(queue.matches(">Review</a>").count(), 1, "{queue}");
    assert!(queue.contains(ADULT_NAME));
    let (_, page) = console.get(&format!("/review/applications/{second}")).await;
    assert!(
        page.contains("000012345678") && page.contains("70/01/01"),
        "the record is beside the images"
    );
    let (status, _) = console
        .get(&format!("/review/applications/{second}/images/photo"))
        .await;
    assert_eq!(status, 200);
    // Strangers never see the images.
    let (status, _) = Site::new(&t)
        .get(&format!("/review/applications/{second}/images/photo"))
        .await;
    assert_eq!(status, 303);
    assert!(
        t.client.card_photo(&token, None).await.is_err(),
        "no approved photo yet"
    );

    let mut console = console;
    let (status, _) = console
        .post(
            &format!("/review/applications/{second}/decision"),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(status, 303);
    let view = t.client.card(&token).await.unwrap();
    assert_eq!(view.state, CardState::Approved);
    let photo = t.client.card_photo(&token, None).await.unwrap();
    assert!(image::load_from_memory(&photo).is_ok());

    let doc = t
        .client
        .upload_image(&token, paths::DOCUMENT_UPLOADS, document())
        .await
        .unwrap();
    let pic = t
        .client
        .upload_image(&token, paths::PHOTO_UPLOADS, good_photo())
        .await
        .unwrap();
    let again = t
        .client
        .apply_for_card(
            &token,
            &SubmitApplication {
                accepted_terms: true,
                document_upload: doc.upload_id,
                photo_upload: pic.upload_id,
                contact_phone: ADULT_MOBILE.into(),
                email: "wang@example.tw".into(),
            },
        )
        .await;
    assert_eq!(problem(again).code, ProblemCode::PhotoLocked);
    t.client.cancel_card(&token).await.unwrap();
    assert_eq!(t.client.card(&token).await.unwrap().state, CardState::None);
    assert_eq!(
        problem(t.client.cancel_card(&token).await).code,
        ProblemCode::NoCard
    );

    let (_, outbox) = Site::new(&t).get("/outbox").await;
    assert!(outbox.contains("Application received"));
    assert!(outbox.contains("Application approved"));
}

#[tokio::test]
async fn a_rejection_carries_its_reason_and_another_application_can_follow() {
    let t = TestBackend::spawn().await;
    let token = t.signed_in_adult().await.token;
    let number = apply(&t, &token).await;
    let mut console = reviewer(&t).await;
    console
        .post(
            &format!("/review/applications/{number}/decision"),
            &[
                ("decision", "reject"),
                ("reason", "background_not_white"),
                ("note", ""),
            ],
        )
        .await;
    let view = t.client.card(&token).await.unwrap();
    assert_eq!(view.state, CardState::Rejected);
    assert_eq!(
        view.application.unwrap().reject_reason,
        Some(RejectReason::BackgroundNotWhite)
    );
    let (_, outbox) = Site::new(&t).get("/outbox").await;
    assert!(outbox.contains("照片背景非白色"));
    apply(&t, &token).await;
}

#[tokio::test]
async fn the_demo_switch_approves_after_the_set_time() {
    let t = TestBackend::spawn_with(|s| s.auto_approve_after = Some(30)).await;
    let token = t.signed_in_adult().await.token;
    apply(&t, &token).await;
    t.clock.advance(Duration::seconds(29));
    // The background job runs each second: two of its rounds pass, and the card still waits.
    tokio::time::sleep(std::time::Duration::from_millis(2_500)).await;
    assert_eq!(
        t.client.card(&token).await.unwrap().state,
        CardState::UnderReview
    );
    t.clock.advance(Duration::seconds(1));
    assert_eq!(
        support::card::card_state_after_the_job(&t, &token, CardState::Approved).await,
        CardState::Approved
    );
}

#[tokio::test]
async fn the_reviewer_console_needs_a_reviewer_login() {
    let t = TestBackend::spawn().await;
    let mut site = Site::new(&t);
    assert_eq!(site.get("/review").await.0, 303);
    let (status, page) = site
        .post(
            "/review/login",
            &[("username", "reviewer"), ("password", ADULT_PASSWORD)],
        )
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Wrong username or password"));
    // An insured person's password does not open it either.
    let (status, _) = site
        .post(
            "/review/login",
            &[("username", ADULT_ID), ("password", ADULT_PASSWORD)],
        )
        .await;
    assert_eq!(status, 200);
}

/// The approved photo by the version the card names may be kept by the browser for good (a
/// reload draws the card without fetching it again); by no version or another one, never.
/// Signing out has the browser drop what it kept.
#[tokio::test]
async fn the_photo_by_its_version_is_kept_and_sign_out_clears_it() {
    let t = TestBackend::spawn().await;
    let token = t.signed_in_adult().await.token;
    let under_review = support::card::apply_for_card(&t, &token).await;
    let application = under_review.application.expect("applied");
    assert_eq!(
        application.photo_version, None,
        "no version before approval"
    );
    let view = support::card::approved_card(&t, &token).await;
    let version = view
        .application
        .and_then(|a| a.photo_version)
        .expect("an approved card names its photo's version");

    let http = t.raw_http();
    let photo_at = |v: Option<&str>| {
        let mut request = http
            .get(format!(
                "{}/api/v1{}",
                t.backend.base_url(),
                paths::CARD_PHOTO
            ))
            .bearer_auth(&token);
        if let Some(v) = v {
            request = request.query(&[("v", v)]);
        }
        request.send()
    };
    let caching = |answer: &reqwest::Response| {
        answer.headers()["cache-control"]
            .to_str()
            .unwrap()
            .to_owned()
    };
    let kept = photo_at(Some(&version)).await.unwrap();
    assert_eq!(kept.status(), 200);
    assert_eq!(caching(&kept), "private, max-age=31536000, immutable");
    let kept_bytes = kept.bytes().await.unwrap();
    for other in [None, Some("another-version")] {
        let answer = photo_at(other).await.unwrap();
        assert_eq!(answer.status(), 200);
        assert_eq!(caching(&answer), "private, no-store", "version {other:?}");
        assert_eq!(answer.bytes().await.unwrap(), kept_bytes, "the same photo");
    }

    let signed_out = http
        .delete(format!(
            "{}/api/v1{}",
            t.backend.base_url(),
            paths::CURRENT_SESSION
        ))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(signed_out.status(), 204);
    assert_eq!(signed_out.headers()["clear-site-data"], "\"cache\"");
    assert_eq!(photo_at(Some(&version)).await.unwrap().status(), 401);
}
