//! Quick sign-in (生物辨識輔助登入) against the real backend over TLS, with a software P-256
//! key standing in for the phone's secure hardware: enrolling, signing in, and every way a
//! signature, a challenge or a key can be refused.

use crate::support;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::Duration;
use futures_util::future::join_all;
use nhi_client::client::ClientError;
use nhi_core::api::{
    ActionApproval, AnswerVideoVisit, BindingProof, ChallengeRequest, CreateAuthorization,
    DeviceInfo, EnrolKey, LoginResponse, ProblemCode, QuickSignIn, VideoVisitAnswer,
};
use nhi_core::domain::quick_sign_in::{action_message, signed_message, Purpose, SensitiveAction};
use nhi_core::domain::Clock;
use support::software_authenticator::{new_key, sign};
use support::*;

/// A device with its key enrolled for the adult.
struct Enrolled {
    device: DeviceInfo,
    device_key: String,
    pkcs8: Vec<u8>,
    login: LoginResponse,
}

fn code<T: std::fmt::Debug>(result: Result<T, ClientError>) -> (ProblemCode, Option<u32>) {
    match result {
        Err(ClientError::Problem(p)) => (p.code, p.attempts_left),
        other => panic!("expected a problem, got {other:?}"),
    }
}

/// A sign-in challenge asked for from another address (a plain HTTPS client bound to it).
async fn challenge_from(
    t: &TestBackend,
    from: std::net::IpAddr,
    id: &str,
    device: &DeviceInfo,
) -> String {
    let ca = std::fs::read(t.backend.ca_path()).unwrap();
    let http = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(&ca).unwrap())
        .local_address(from)
        .build()
        .unwrap();
    let url = format!("{}/api/v1/quick-sign-in/challenges", t.backend.base_url());
    let body = ChallengeRequest {
        id_number: id.into(),
        device_id: device.device_id.clone(),
        purpose: Purpose::SignIn,
    };
    let answer = http.post(url).json(&body).send().await.unwrap();
    assert_eq!(answer.status(), 201);
    let c: nhi_core::api::Challenge = answer.json().await.unwrap();
    c.challenge
}

async fn challenge(t: &TestBackend, id: &str, device: &DeviceInfo, purpose: Purpose) -> String {
    t.client
        .quick_sign_in_challenge(&ChallengeRequest {
            id_number: id.into(),
            device_id: device.device_id.clone(),
            purpose,
        })
        .await
        .expect("a challenge is given")
        .challenge
}

/// Enrols a new key for `id` on `device` (bound, signed in with `token`).
async fn enrol(
    t: &TestBackend,
    id: &str,
    device: &DeviceInfo,
    device_key: &str,
    token: &str,
) -> Result<Vec<u8>, ClientError> {
    let (pkcs8, public) = new_key();
    let c = challenge(t, id, device, Purpose::Enrol).await;
    let signature = sign(
        &pkcs8,
        &signed_message(Purpose::Enrol, &c, id, &device.device_id),
    );
    t.client
        .enrol_quick_sign_in(
            token,
            &EnrolKey {
                device_id: device.device_id.clone(),
                device_key: device_key.into(),
                label: device.label.clone(),
                public_key: URL_SAFE_NO_PAD.encode(public),
                challenge: c,
                signature: URL_SAFE_NO_PAD.encode(signature),
            },
        )
        .await
        .map(|_| pkcs8)
}

async fn enrolled_adult(t: &TestBackend) -> Enrolled {
    let device = device(1);
    let device_key = t.bind_adult(&device).await.device_key;
    let login = t
        .login(ADULT_ID, ADULT_PASSWORD, &device, &device_key)
        .await
        .unwrap();
    let pkcs8 = enrol(t, ADULT_ID, &device, &device_key, &login.token)
        .await
        .expect("the adult enrols");
    Enrolled {
        device,
        device_key,
        pkcs8,
        login,
    }
}

/// A sign-in request over `challenge`, signed with `pkcs8` for exactly this ID and device.
fn signed_in_request(e: &Enrolled, id: &str, challenge: String, pkcs8: &[u8]) -> QuickSignIn {
    let message = signed_message(Purpose::SignIn, &challenge, id, &e.device.device_id);
    QuickSignIn {
        id_number: id.into(),
        device_id: e.device.device_id.clone(),
        device_key: e.device_key.clone(),
        challenge,
        signature: URL_SAFE_NO_PAD.encode(sign(pkcs8, &message)),
    }
}

async fn quick_sign_in(t: &TestBackend, e: &Enrolled) -> Result<LoginResponse, ClientError> {
    let c = challenge(t, ADULT_ID, &e.device, Purpose::SignIn).await;
    t.client
        .quick_sign_in(&signed_in_request(e, ADULT_ID, c, &e.pkcs8))
        .await
}

#[tokio::test]
async fn an_enrolled_key_signs_in_for_two_hours_and_is_listed_with_its_last_use() {
    let t = TestBackend::spawn().await;
    let e = enrolled_adult(&t).await;
    let keys = t.client.quick_sign_in_keys(&e.login.token).await.unwrap();
    assert_eq!(keys.keys.len(), 1);
    assert_eq!(keys.keys[0].device_id, e.device.device_id);
    assert_eq!(keys.keys[0].label, e.device.label);
    assert_eq!(keys.keys[0].last_used_at, None);

    t.clock.advance(Duration::minutes(3));
    let session = quick_sign_in(&t, &e).await.expect("the key signs in");
    assert_eq!(session.person.name, ADULT_NAME);
    assert_eq!(session.expires_at - t.clock.now(), Duration::hours(2));
    let me = t.client.me(&session.token).await.unwrap();
    assert_eq!(me.person.id_number.as_str(), ADULT_ID);
    let keys = t.client.quick_sign_in_keys(&session.token).await.unwrap();
    assert_eq!(keys.keys[0].last_used_at, Some(t.clock.now()));
}

#[tokio::test]
async fn enrolling_needs_a_signature_by_the_key_enrolled() {
    let t = TestBackend::spawn().await;
    let device = device(1);
    let device_key = t.bind_adult(&device).await.device_key;
    let login = t
        .login(ADULT_ID, ADULT_PASSWORD, &device, &device_key)
        .await
        .unwrap();
    // The key sent is one; the signature is another's.
    let (_, public) = new_key();
    let (other, _) = new_key();
    let c = challenge(&t, ADULT_ID, &device, Purpose::Enrol).await;
    let signature = sign(
        &other,
        &signed_message(Purpose::Enrol, &c, ADULT_ID, &device.device_id),
    );
    let request = EnrolKey {
        device_id: device.device_id.clone(),
        device_key: device_key.clone(),
        label: device.label.clone(),
        public_key: URL_SAFE_NO_PAD.encode(public),
        challenge: c,
        signature: URL_SAFE_NO_PAD.encode(signature),
    };
    let answer = t.client.enrol_quick_sign_in(&login.token, &request).await;
    assert_eq!(code(answer).0, ProblemCode::QuickSignInRefused);
    // A sign-in challenge cannot enrol either.
    let (pkcs8, public) = new_key();
    let c = challenge(&t, ADULT_ID, &device, Purpose::SignIn).await;
    let signature = sign(
        &pkcs8,
        &signed_message(Purpose::Enrol, &c, ADULT_ID, &device.device_id),
    );
    let request = EnrolKey {
        public_key: URL_SAFE_NO_PAD.encode(public),
        challenge: c,
        signature: URL_SAFE_NO_PAD.encode(signature),
        ..request
    };
    let answer = t.client.enrol_quick_sign_in(&login.token, &request).await;
    assert_eq!(code(answer).0, ProblemCode::QuickSignInRefused);
    // Nothing was kept.
    let keys = t.client.quick_sign_in_keys(&login.token).await.unwrap();
    assert!(keys.keys.is_empty());
}

#[tokio::test]
async fn a_challenge_serves_once_and_only_its_own_id_device_and_purpose() {
    let t = TestBackend::spawn().await;
    let e = enrolled_adult(&t).await;

    // Replayed: the same challenge and signature a second time.
    let c = challenge(&t, ADULT_ID, &e.device, Purpose::SignIn).await;
    let request = signed_in_request(&e, ADULT_ID, c, &e.pkcs8);
    t.client.quick_sign_in(&request).await.expect("first use");
    let replay = t.client.quick_sign_in(&request).await;
    assert_eq!(code(replay), (ProblemCode::QuickSignInRefused, Some(4)));

    // Issued for another device, signed (rightly) for this one.
    let c = challenge(&t, ADULT_ID, &device(2), Purpose::SignIn).await;
    let answer = t
        .client
        .quick_sign_in(&signed_in_request(&e, ADULT_ID, c, &e.pkcs8))
        .await;
    assert_eq!(code(answer), (ProblemCode::QuickSignInRefused, Some(3)));

    // Issued for another ID (a family member on the same phone).
    let c = challenge(&t, support::family::PARENT_ID, &e.device, Purpose::SignIn).await;
    let answer = t
        .client
        .quick_sign_in(&signed_in_request(&e, ADULT_ID, c, &e.pkcs8))
        .await;
    assert_eq!(code(answer), (ProblemCode::QuickSignInRefused, Some(2)));

    // A right one still works, and starts the count afresh.
    quick_sign_in(&t, &e).await.expect("the key still signs in");

    // Issued for enrolling.
    let c = challenge(&t, ADULT_ID, &e.device, Purpose::Enrol).await;
    let answer = t
        .client
        .quick_sign_in(&signed_in_request(&e, ADULT_ID, c, &e.pkcs8))
        .await;
    assert_eq!(code(answer), (ProblemCode::QuickSignInRefused, Some(4)));
}

#[tokio::test]
async fn a_challenge_answered_after_its_sixty_seconds_is_refused_without_counting() {
    let t = TestBackend::spawn().await;
    let e = enrolled_adult(&t).await;
    let c = challenge(&t, ADULT_ID, &e.device, Purpose::SignIn).await;
    t.clock.advance(Duration::seconds(61));
    let late = t
        .client
        .quick_sign_in(&signed_in_request(&e, ADULT_ID, c, &e.pkcs8))
        .await;
    assert_eq!(code(late), (ProblemCode::ChallengeExpired, None));
    // Not counted as a failure: the next wrong one leaves four.
    let c = challenge(&t, ADULT_ID, &e.device, Purpose::SignIn).await;
    let (stranger, _) = new_key();
    let answer = t
        .client
        .quick_sign_in(&signed_in_request(&e, ADULT_ID, c, &stranger))
        .await;
    assert_eq!(code(answer), (ProblemCode::QuickSignInRefused, Some(4)));
}

#[tokio::test]
async fn a_burst_of_forged_signatures_checks_at_most_five_then_only_the_password_works() {
    let t = TestBackend::spawn().await;
    let e = enrolled_adult(&t).await;
    let (forger, _) = new_key();
    // 64 fresh challenges: from three addresses, as challenges are a rate per address.
    let mut fresh = Vec::new();
    for n in 0..64u8 {
        let from = std::net::IpAddr::from([127, 0, 0, 2 + n % 3]);
        let c = challenge_from(&t, from, ADULT_ID, &e.device).await;
        fresh.push(signed_in_request(&e, ADULT_ID, c, &forger));
    }
    let answers = join_all(fresh.iter().map(|r| t.client.quick_sign_in(r))).await;
    let codes: Vec<_> = answers.into_iter().map(|a| code(a).0).collect();
    let checked = codes
        .iter()
        .filter(|c| **c == ProblemCode::QuickSignInRefused)
        .count();
    let locked = codes
        .iter()
        .filter(|c| **c == ProblemCode::QuickSignInLocked)
        .count();
    assert!(checked <= 5, "{checked} signatures were checked: {codes:?}");
    assert_eq!(checked + locked, fresh.len(), "{codes:?}");
    assert!(locked >= 1, "{codes:?}");

    // Locked: even the right key is refused now, unseen.
    let answer = quick_sign_in(&t, &e).await;
    assert_eq!(code(answer).0, ProblemCode::QuickSignInLocked);
    // The password always works, and turns quick sign-in back on.
    t.login(ADULT_ID, ADULT_PASSWORD, &e.device, &e.device_key)
        .await
        .expect("the password works");
    quick_sign_in(&t, &e).await.expect("quick sign-in is back");
}

#[tokio::test]
async fn a_removed_key_is_refused_at_once() {
    let t = TestBackend::spawn().await;
    let e = enrolled_adult(&t).await;
    t.client
        .remove_quick_sign_in_key(&e.login.token, &e.device.device_id)
        .await
        .unwrap();
    let answer = quick_sign_in(&t, &e).await;
    assert_eq!(code(answer).0, ProblemCode::QuickSignInRefused);
    assert!(t
        .client
        .quick_sign_in_keys(&e.login.token)
        .await
        .unwrap()
        .keys
        .is_empty());
    // Removing it again: nothing there.
    let again = t
        .client
        .remove_quick_sign_in_key(&e.login.token, &e.device.device_id)
        .await;
    assert_eq!(code(again).0, ProblemCode::NotFound);
}

#[tokio::test]
async fn switching_the_active_device_removes_the_keys() {
    let t = TestBackend::spawn().await;
    let e = enrolled_adult(&t).await;
    // A second phone is bound (and made the active one).
    let second = t.bind_adult(&device(2)).await;
    let answer = quick_sign_in(&t, &e).await;
    assert_eq!(code(answer).0, ProblemCode::DeviceInactive);
    let login = t
        .login(ADULT_ID, ADULT_PASSWORD, &device(2), &second.device_key)
        .await
        .unwrap();
    assert!(t
        .client
        .quick_sign_in_keys(&login.token)
        .await
        .unwrap()
        .keys
        .is_empty());
}

#[tokio::test]
async fn a_password_reset_removes_the_keys() {
    use crate::site_forgot_password::{forgot_form, registered, reset_path, set_password};
    use support::site::{NEW_ID, NEW_PASSWORD};

    let t = TestBackend::spawn().await;
    let mut site = registered(&t).await;
    assert_eq!(site.log_in(NEW_ID, NEW_PASSWORD).await, 303);
    let code_text = site.produce_code().await;
    let phone = device(7);
    let bound = t
        .client
        .bind(&phone, BindingProof::DeviceCode { code: code_text })
        .await
        .unwrap();
    let login = t
        .login(NEW_ID, NEW_PASSWORD, &phone, &bound.device_key)
        .await
        .unwrap();
    let pkcs8 = enrol(&t, NEW_ID, &phone, &bound.device_key, &login.token)
        .await
        .unwrap();

    let mut browser = support::site::Site::new(&t);
    browser.post("/register/forgot", &forgot_form(&[])).await;
    let path = reset_path(&browser).await.expect("a link was mailed");
    let (_, page) = set_password(&mut browser, &path).await;
    assert!(page.contains("Your new password is set"), "{page}");

    let e = Enrolled {
        device: phone,
        device_key: bound.device_key,
        pkcs8,
        login,
    };
    let c = challenge(&t, NEW_ID, &e.device, Purpose::SignIn).await;
    let answer = t
        .client
        .quick_sign_in(&signed_in_request(&e, NEW_ID, c, &e.pkcs8))
        .await;
    assert_eq!(code(answer).0, ProblemCode::QuickSignInRefused);
}

#[tokio::test]
async fn a_challenge_is_given_alike_for_anyone_and_a_stranger_cannot_sign_in() {
    let t = TestBackend::spawn().await;
    let e = enrolled_adult(&t).await;
    // An ID with no account and no key gets a challenge like any other: nothing is told.
    let c = challenge(&t, "A987654329", &e.device, Purpose::SignIn).await;
    assert_eq!(c.len(), 43);
    // A device that is not bound is told so before any signature is checked.
    let stranger = Enrolled {
        device: device(9),
        device_key: "no-key".into(),
        pkcs8: e.pkcs8.clone(),
        login: e.login.clone(),
    };
    let c = challenge(&t, ADULT_ID, &stranger.device, Purpose::SignIn).await;
    let answer = t
        .client
        .quick_sign_in(&signed_in_request(&stranger, ADULT_ID, c, &e.pkcs8))
        .await;
    assert_eq!(code(answer), (ProblemCode::DeviceNotBound, None));
    // A malformed ID is refused as such.
    let answer = t
        .client
        .quick_sign_in_challenge(&ChallengeRequest {
            id_number: "A12345678X".into(),
            device_id: e.device.device_id.clone(),
            purpose: Purpose::SignIn,
        })
        .await;
    assert_eq!(code(answer).0, ProblemCode::InvalidIdNumber);
}

#[tokio::test]
async fn the_website_lists_the_keys_with_the_devices_and_removes_one() {
    let t = TestBackend::spawn().await;
    let e = enrolled_adult(&t).await;
    let mut site = support::site::Site::new(&t);
    assert_eq!(site.log_in(ADULT_ID, ADULT_PASSWORD).await, 303);
    let (_, page) = site.get("/register/devices").await;
    assert!(page.contains("Biometric quick sign-in"), "{page}");
    assert!(page.contains("Turned on"), "{page}");
    assert!(page.contains("not used yet"), "{page}");
    let (status, page) = site
        .post(
            "/register/devices/quick-sign-in/remove",
            &[("device_id", e.device.device_id.as_str())],
        )
        .await;
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("Biometric quick sign-in removed from"),
        "{page}"
    );
    assert!(!page.contains("Turned on"), "{page}");
    let answer = quick_sign_in(&t, &e).await;
    assert_eq!(code(answer).0, ProblemCode::QuickSignInRefused);
}

/// A confirmation of `action` signed by the enrolled key over a fresh `action` challenge.
async fn approval(t: &TestBackend, e: &Enrolled, action: &SensitiveAction) -> ActionApproval {
    let c = challenge(t, ADULT_ID, &e.device, Purpose::Action).await;
    let message = action_message(&c, ADULT_ID, &e.device.device_id, action);
    ActionApproval {
        device_id: e.device.device_id.clone(),
        challenge: c,
        signature: Some(URL_SAFE_NO_PAD.encode(sign(&e.pkcs8, &message))),
        passkey: None,
    }
}

#[tokio::test]
async fn with_a_key_enrolled_authorizing_needs_a_signature_over_that_very_authorization() {
    use support::family::{a_month, parent_login, PARENT_ID};
    let t = TestBackend::spawn().await;
    let e = enrolled_adult(&t).await;
    support::card::approved_card(&t, &e.login.token).await;
    let parent = parent_login(&t).await;
    support::card::approved_card(&t, &parent.token).await;
    let request = a_month(PARENT_ID);
    let action = SensitiveAction::Authorize {
        grantee_id: PARENT_ID.into(),
        starts_on: request.starts_on,
        ends_on: request.ends_on,
    };

    // The session token alone.
    let answer = t.client.authorize(&e.login.token, &request).await;
    assert_eq!(code(answer), (ProblemCode::ApprovalRequired, None));
    // Signed for another period.
    let longer = SensitiveAction::Authorize {
        grantee_id: PARENT_ID.into(),
        starts_on: request.starts_on,
        ends_on: request.ends_on + Duration::days(1),
    };
    let signed_for_other = CreateAuthorization {
        approval: Some(approval(&t, &e, &longer).await),
        ..request.clone()
    };
    let answer = t.client.authorize(&e.login.token, &signed_for_other).await;
    assert_eq!(code(answer), (ProblemCode::QuickSignInRefused, Some(4)));
    // Signed for this one: the offer is made, and its signature serves once.
    let signed = CreateAuthorization {
        approval: Some(approval(&t, &e, &action).await),
        ..request.clone()
    };
    t.client
        .authorize(&e.login.token, &signed)
        .await
        .expect("the confirmed authorization is offered");
    let again = t.client.authorize(&e.login.token, &signed).await;
    assert_eq!(code(again).0, ProblemCode::QuickSignInRefused);
}

/// The clinic asks for the adult's card by video; the request's ID.
async fn video_visit_requested(t: &TestBackend) -> String {
    use support::clinic::{Clinic, CLINIC};
    let at = t.clock.now() + Duration::minutes(5);
    let (status, body) = Clinic::new(t)
        .request_video_visit(&CLINIC, ADULT_ID, "家醫科", at)
        .await;
    assert_eq!(status, 201, "{body}");
    body["request_id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn with_a_key_enrolled_allowing_a_video_visit_needs_a_signature_declining_does_not() {
    let t = TestBackend::spawn().await;
    let e = enrolled_adult(&t).await;
    support::card::apply_for_card(&t, &e.login.token).await;
    let id = video_visit_requested(&t).await;
    let answer = t
        .client
        .answer_video_visit(&e.login.token, &id, VideoVisitAnswer::Allow)
        .await;
    assert_eq!(code(answer).0, ProblemCode::ApprovalRequired);
    // Signed for another request.
    let other = SensitiveAction::AllowVideoVisit {
        request_id: "another".into(),
    };
    let body = AnswerVideoVisit {
        answer: VideoVisitAnswer::Allow,
        approval: Some(approval(&t, &e, &other).await),
    };
    let answer = t
        .client
        .answer_video_visit_with(&e.login.token, &id, &body)
        .await;
    assert_eq!(code(answer).0, ProblemCode::QuickSignInRefused);
    let this = SensitiveAction::AllowVideoVisit {
        request_id: id.clone(),
    };
    let body = AnswerVideoVisit {
        answer: VideoVisitAnswer::Allow,
        approval: Some(approval(&t, &e, &this).await),
    };
    let allowed = t
        .client
        .answer_video_visit_with(&e.login.token, &id, &body)
        .await
        .expect("the confirmed answer allows");
    assert_eq!(allowed.state, nhi_core::api::VideoVisitState::Allowed);

    // Declining takes nothing from the card: no confirmation needed.
    let id = video_visit_requested(&t).await;
    t.client
        .answer_video_visit(&e.login.token, &id, VideoVisitAnswer::Decline)
        .await
        .expect("declined without a confirmation");
}

/// Windows Hello's key, which is RSA 2048 (a test key made by openssl): the public half as
/// Windows gives it (a DER SubjectPublicKeyInfo), signatures RSASSA-PKCS1-v1_5 over SHA-256.
const HELLO_PKCS8: &[u8] = include_bytes!("../support/keys/windows-hello-test-rsa2048.pk8");
const HELLO_PUBLIC: &[u8] = include_bytes!("../support/keys/windows-hello-test-rsa2048.spki");

fn hello_sign(message: &[u8]) -> Vec<u8> {
    let key = ring::signature::RsaKeyPair::from_pkcs8(HELLO_PKCS8).unwrap();
    let mut signature = vec![0; key.public().modulus_len()];
    key.sign(
        &ring::signature::RSA_PKCS1_SHA256,
        &ring::rand::SystemRandom::new(),
        message,
        &mut signature,
    )
    .unwrap();
    signature
}

#[tokio::test]
async fn a_windows_hello_rsa_key_enrols_and_signs_in_and_a_forgery_is_refused() {
    let t = TestBackend::spawn().await;
    let device = device(1);
    let device_key = t.bind_adult(&device).await.device_key;
    let login = t
        .login(ADULT_ID, ADULT_PASSWORD, &device, &device_key)
        .await
        .unwrap();
    let c = challenge(&t, ADULT_ID, &device, Purpose::Enrol).await;
    let enrol_message = signed_message(Purpose::Enrol, &c, ADULT_ID, &device.device_id);
    t.client
        .enrol_quick_sign_in(
            &login.token,
            &EnrolKey {
                device_id: device.device_id.clone(),
                device_key: device_key.clone(),
                label: "Windows laptop".into(),
                public_key: URL_SAFE_NO_PAD.encode(HELLO_PUBLIC),
                challenge: c,
                signature: URL_SAFE_NO_PAD.encode(hello_sign(&enrol_message)),
            },
        )
        .await
        .expect("a Windows Hello key enrols");

    let sign_in = |challenge: String, signature: Vec<u8>| QuickSignIn {
        id_number: ADULT_ID.into(),
        device_id: device.device_id.clone(),
        device_key: device_key.clone(),
        challenge,
        signature: URL_SAFE_NO_PAD.encode(signature),
    };
    // A signature over another message (an enrol challenge's) does not sign in.
    let c = challenge(&t, ADULT_ID, &device, Purpose::SignIn).await;
    let forged = sign_in(c, hello_sign(&enrol_message));
    assert_eq!(
        code(t.client.quick_sign_in(&forged).await).0,
        ProblemCode::QuickSignInRefused
    );
    let c = challenge(&t, ADULT_ID, &device, Purpose::SignIn).await;
    let message = signed_message(Purpose::SignIn, &c, ADULT_ID, &device.device_id);
    let session = t
        .client
        .quick_sign_in(&sign_in(c, hello_sign(&message)))
        .await
        .expect("the Windows Hello key signs in");
    assert_eq!(session.person.name, ADULT_NAME);
}
