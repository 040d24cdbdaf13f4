//! Passkeys, the web build's quick sign-in, against the real backend over TLS: a software
//! WebAuthn authenticator stands in for the browser and its platform authenticator. The
//! backend checks them with webauthn-rs; user verification is required.

use crate::support;

use nhi_client::client::ClientError;
use nhi_core::api::{
    EnrolPasskey, LoginResponse, PasskeyCeremonyRequest, PasskeySignIn, ProblemCode,
};
use nhi_core::domain::Clock;
use support::passkey_authenticator::{self as authenticator, SoftPasskey};
use support::*;

struct Browser {
    device: nhi_core::api::DeviceInfo,
    device_key: String,
    login: LoginResponse,
    origin: String,
}

fn code<T: std::fmt::Debug>(result: Result<T, ClientError>) -> (ProblemCode, Option<u32>) {
    match result {
        Err(ClientError::Problem(p)) => (p.code, p.attempts_left),
        other => panic!("expected a problem, got {other:?}"),
    }
}

/// The adult signed in with the password in a browser at the backend's name.
async fn browser(t: &TestBackend) -> Browser {
    let device = device(3);
    let device_key = t.bind_adult(&device).await.device_key;
    let login = t
        .login(ADULT_ID, ADULT_PASSWORD, &device, &device_key)
        .await
        .unwrap();
    let port = t.backend.base_url().rsplit(':').next().unwrap().to_owned();
    Browser {
        device,
        device_key,
        login,
        origin: format!("https://localhost:{port}"),
    }
}

fn ceremony_for(b: &Browser, id: Option<&str>) -> PasskeyCeremonyRequest {
    PasskeyCeremonyRequest {
        id_number: id.map(str::to_owned),
        device_id: b.device.device_id.clone(),
        device_key: b.device_key.clone(),
        action: None,
    }
}

async fn enrol(t: &TestBackend, b: &Browser, verified: bool) -> Result<SoftPasskey, ClientError> {
    let ceremony = t
        .client
        .begin_passkey_registration(&b.login.token, &ceremony_for(b, None))
        .await?;
    let selection = &ceremony.options["authenticatorSelection"];
    assert_eq!(selection["userVerification"], "required");
    assert_eq!(selection["authenticatorAttachment"], "platform");
    assert_eq!(ceremony.options["rp"]["id"], "localhost");
    // The passkey's name shows no whole ID number.
    assert!(!ceremony.options.to_string().contains(ADULT_ID));
    let (passkey, credential) = authenticator::create(&ceremony.options, &b.origin, verified);
    let request = EnrolPasskey {
        device_id: b.device.device_id.clone(),
        device_key: b.device_key.clone(),
        label: "Chromium".into(),
        challenge: ceremony.challenge,
        credential,
    };
    t.client
        .enrol_passkey(&b.login.token, &request)
        .await
        .map(|_| passkey)
}

async fn sign_in(
    t: &TestBackend,
    b: &Browser,
    passkey: &SoftPasskey,
    verified: bool,
) -> Result<LoginResponse, ClientError> {
    let ceremony = t
        .client
        .begin_passkey_sign_in(&ceremony_for(b, Some(ADULT_ID)))
        .await?;
    assert_eq!(ceremony.options["userVerification"], "required");
    let credential = authenticator::get(passkey, &ceremony.options, &b.origin, verified);
    t.client
        .passkey_sign_in(&PasskeySignIn {
            id_number: ADULT_ID.into(),
            device_id: b.device.device_id.clone(),
            device_key: b.device_key.clone(),
            challenge: ceremony.challenge,
            credential,
        })
        .await
}

#[tokio::test]
async fn a_passkey_enrols_and_signs_in_for_two_hours() {
    let t = TestBackend::spawn().await;
    let b = browser(&t).await;
    let passkey = enrol(&t, &b, true).await.expect("the passkey enrols");
    let keys = t.client.quick_sign_in_keys(&b.login.token).await.unwrap();
    assert_eq!(keys.keys.len(), 1);
    assert_eq!(keys.keys[0].label, "Chromium");

    let session = sign_in(&t, &b, &passkey, true).await.expect("it signs in");
    assert_eq!(session.person.name, ADULT_NAME);
    assert_eq!(
        session.expires_at - t.clock.now(),
        chrono::Duration::hours(2)
    );
    // And again: the signature counter moved on and was kept.
    sign_in(&t, &b, &passkey, true).await.expect("and again");
}

#[tokio::test]
async fn without_user_verification_a_passkey_neither_enrols_nor_signs_in() {
    let t = TestBackend::spawn().await;
    let b = browser(&t).await;
    let refused = enrol(&t, &b, false).await;
    assert_eq!(code(refused).0, ProblemCode::QuickSignInRefused);
    assert!(t
        .client
        .quick_sign_in_keys(&b.login.token)
        .await
        .unwrap()
        .keys
        .is_empty());

    let passkey = enrol(&t, &b, true).await.unwrap();
    let refused = sign_in(&t, &b, &passkey, false).await;
    assert_eq!(code(refused), (ProblemCode::QuickSignInRefused, Some(4)));
}

#[tokio::test]
async fn another_passkey_a_replayed_answer_and_a_removed_one_are_refused() {
    let t = TestBackend::spawn().await;
    let b = browser(&t).await;
    let passkey = enrol(&t, &b, true).await.unwrap();

    // A passkey the backend never saw (made for a ceremony that was never finished).
    let unfinished = t
        .client
        .begin_passkey_registration(&b.login.token, &ceremony_for(&b, None))
        .await
        .unwrap();
    let (stranger, _) = authenticator::create(&unfinished.options, &b.origin, true);
    let refused = sign_in(&t, &b, &stranger, true).await;
    assert_eq!(code(refused).0, ProblemCode::QuickSignInRefused);

    // The same answer twice.
    let ceremony = t
        .client
        .begin_passkey_sign_in(&ceremony_for(&b, Some(ADULT_ID)))
        .await
        .unwrap();
    let request = PasskeySignIn {
        id_number: ADULT_ID.into(),
        device_id: b.device.device_id.clone(),
        device_key: b.device_key.clone(),
        challenge: ceremony.challenge.clone(),
        credential: authenticator::get(&passkey, &ceremony.options, &b.origin, true),
    };
    t.client.passkey_sign_in(&request).await.expect("first use");
    let replay = t.client.passkey_sign_in(&request).await;
    assert_eq!(code(replay).0, ProblemCode::QuickSignInRefused);

    // Removed under 我的: refused at once, and no ceremony begins.
    t.client
        .remove_quick_sign_in_key(&b.login.token, &b.device.device_id)
        .await
        .unwrap();
    let begun = t
        .client
        .begin_passkey_sign_in(&ceremony_for(&b, Some(ADULT_ID)))
        .await;
    assert_eq!(code(begun).0, ProblemCode::QuickSignInRefused);
}

#[tokio::test]
async fn an_answer_after_sixty_seconds_is_refused() {
    let t = TestBackend::spawn().await;
    let b = browser(&t).await;
    let passkey = enrol(&t, &b, true).await.unwrap();
    let ceremony = t
        .client
        .begin_passkey_sign_in(&ceremony_for(&b, Some(ADULT_ID)))
        .await
        .unwrap();
    t.clock.advance(chrono::Duration::seconds(61));
    let late = t
        .client
        .passkey_sign_in(&PasskeySignIn {
            id_number: ADULT_ID.into(),
            device_id: b.device.device_id.clone(),
            device_key: b.device_key.clone(),
            challenge: ceremony.challenge,
            credential: authenticator::get(&passkey, &ceremony.options, &b.origin, true),
        })
        .await;
    assert_eq!(code(late).0, ProblemCode::ChallengeExpired);
}

#[tokio::test]
async fn a_stranger_learns_nothing_and_an_unbound_browser_is_told_first() {
    let t = TestBackend::spawn().await;
    let b = browser(&t).await;
    enrol(&t, &b, true).await.unwrap();
    let stranger = PasskeyCeremonyRequest {
        id_number: Some(ADULT_ID.into()),
        device_id: device(9).device_id,
        device_key: "no-key".into(),
        action: None,
    };
    let begun = t.client.begin_passkey_sign_in(&stranger).await;
    assert_eq!(code(begun), (ProblemCode::DeviceNotBound, None));
}

#[tokio::test]
async fn with_a_passkey_authorizing_needs_an_assertion_begun_for_that_authorization() {
    use nhi_core::api::{ActionApproval, CreateAuthorization};
    use nhi_core::domain::quick_sign_in::SensitiveAction;
    use support::family::{a_month, parent_login, PARENT_ID};

    let t = TestBackend::spawn().await;
    let b = browser(&t).await;
    let passkey = enrol(&t, &b, true).await.unwrap();
    support::card::approved_card(&t, &b.login.token).await;
    let parent = parent_login(&t).await;
    support::card::approved_card(&t, &parent.token).await;
    let request = a_month(PARENT_ID);
    let action = SensitiveAction::Authorize {
        grantee_id: PARENT_ID.into(),
        starts_on: request.starts_on,
        ends_on: request.ends_on,
    };
    let confirm = |described: Option<String>| {
        let ceremony = PasskeyCeremonyRequest {
            action: described,
            ..ceremony_for(&b, Some(ADULT_ID))
        };
        let (t, b, passkey) = (&t, &b, &passkey);
        async move {
            let begun = t.client.begin_passkey_sign_in(&ceremony).await.unwrap();
            ActionApproval {
                device_id: b.device.device_id.clone(),
                challenge: begun.challenge,
                signature: None,
                passkey: Some(authenticator::get(passkey, &begun.options, &b.origin, true)),
            }
        }
    };

    let bare = t.client.authorize(&b.login.token, &request).await;
    assert_eq!(code(bare).0, ProblemCode::ApprovalRequired);
    // An assertion begun to sign in confirms no action.
    let for_sign_in = CreateAuthorization {
        approval: Some(confirm(None).await),
        ..request.clone()
    };
    let refused = t.client.authorize(&b.login.token, &for_sign_in).await;
    assert_eq!(code(refused).0, ProblemCode::QuickSignInRefused);
    let confirmed = CreateAuthorization {
        approval: Some(confirm(Some(action.describe())).await),
        ..request.clone()
    };
    t.client
        .authorize(&b.login.token, &confirmed)
        .await
        .expect("the confirmed authorization is offered");
}

#[tokio::test]
async fn a_ceremony_begun_for_a_passkey_replaced_meanwhile_signs_nobody_in() {
    let t = TestBackend::spawn().await;
    let b = browser(&t).await;
    let old = enrol(&t, &b, true).await.unwrap();
    let ceremony = t
        .client
        .begin_passkey_sign_in(&ceremony_for(&b, Some(ADULT_ID)))
        .await
        .unwrap();
    // A new passkey replaces the old one on this browser before the answer comes back.
    enrol(&t, &b, true).await.unwrap();
    let late = t
        .client
        .passkey_sign_in(&PasskeySignIn {
            id_number: ADULT_ID.into(),
            device_id: b.device.device_id.clone(),
            device_key: b.device_key.clone(),
            challenge: ceremony.challenge,
            credential: authenticator::get(&old, &ceremony.options, &b.origin, true),
        })
        .await;
    assert_eq!(code(late).0, ProblemCode::QuickSignInRefused);
}
