//! 生物辨識輔助登入 through the screens: turned on under 我的 (the prompt unlocks a new key),
//! used from the login screen, removed from the list — with a software authenticator in the
//! place of the phone's secure hardware, against the real backend over TLS.

use std::sync::Arc;

use crate::support;

use nhi_client::app::credentials::{self, RememberedAccount, REMEMBERED_KEY, SESSION_KEY};
use nhi_client::app::{device, Session};
use nhi_client::platform::{DeviceAuthenticator, SecureStore};
use nhi_core::domain::quick_sign_in::key_alias;
use nhi_core::domain::{Clock, IdNumber};
use support::software_authenticator::{Prompt, SoftwareAuthenticator};
use support::ui_harness::{Fixture, Harness};
use support::*;

const THIS_DEVICE: &str = "Linux 桌面版 Linux desktop";

/// Signed in with the password on the app's device, the account remembered there.
async fn signed_in(f: &Fixture) -> Session {
    let session = f.signed_in_on_app_device().await;
    let remembered = vec![RememberedAccount {
        id_number: IdNumber::parse(ADULT_ID).unwrap(),
        name: ADULT_NAME.into(),
    }];
    credentials::save(&*f.store, REMEMBERED_KEY, &remembered).unwrap();
    session
}

/// Turns quick sign-in on under 我的, as the person would.
async fn turn_on(f: &Fixture, phone: &Arc<SoftwareAuthenticator>) {
    let mut h = Harness::open("/me", f.setup_with_authenticator(phone.clone()));
    let html = h.wait_for_text("尚無裝置開啟生物辨識輔助登入").await;
    assert!(html.contains("不必輸入密碼"), "{html}");
    let on = h.by_attr("data-action", "turn-on-quick-sign-in");
    h.click(on);
    let html = h.wait_for_text("（這台裝置）").await;
    assert!(html.contains("已在這台裝置開啟生物辨識輔助登入"), "{html}");
    assert!(html.contains(THIS_DEVICE), "{html}");
    assert!(html.contains("尚未使用"), "{html}");
}

/// Signs out on this device only (the session forgotten, the account remembered).
fn signed_out(f: &Fixture) {
    f.store.delete(SESSION_KEY).unwrap();
}

#[tokio::test]
async fn turned_on_under_my_account_it_signs_in_from_the_login_screen_without_the_password() {
    let f = Fixture::new().await;
    let phone = Arc::new(SoftwareAuthenticator::default());
    signed_in(&f).await;
    turn_on(&f, &phone).await;
    signed_out(&f);

    let mut h = Harness::open("/login", f.setup_with_authenticator(phone.clone()));
    let html = h.html();
    assert!(html.contains("生物辨識輔助登入"), "{html}");
    // After the password sign-in, as the manual orders them.
    assert!(
        html.find("帳號密碼").is_none() || html.find("login-password") < html.find("quick-sign-in")
    );
    let quick = h.by_attr("data-action", "quick-sign-in");
    h.click(quick);
    let html = h.wait_for_text("王小明，您好").await;
    assert!(html.contains("2 小時 0 分"), "{html}");
    let kept: Session = credentials::load(&*f.store, SESSION_KEY).unwrap().unwrap();
    assert_eq!(kept.person.name, ADULT_NAME);
    // The prompts said what they were for.
    let reasons = phone.reasons.lock().unwrap().clone();
    assert_eq!(
        reasons,
        ["驗證身分以開啟生物辨識輔助登入", "驗證身分以登入健保快易通"]
    );
}

#[tokio::test]
async fn a_cancelled_prompt_keeps_the_option_and_a_new_fingerprint_drops_it() {
    let f = Fixture::new().await;
    let phone = Arc::new(SoftwareAuthenticator::default());
    signed_in(&f).await;
    turn_on(&f, &phone).await;
    signed_out(&f);

    phone.answer_prompts(Prompt::Cancelled);
    let mut h = Harness::open("/login", f.setup_with_authenticator(phone.clone()));
    let quick = h.by_attr("data-action", "quick-sign-in");
    h.click(quick);
    let html = h.wait_for_text("已取消驗證").await;
    assert!(
        html.contains("data-action=\"quick-sign-in\""),
        "still offered: {html}"
    );
    assert!(credentials::load::<Session>(&*f.store, SESSION_KEY)
        .unwrap()
        .is_none());

    // A new fingerprint was enrolled in the phone's settings: the key is invalidated.
    phone.answer_prompts(Prompt::KeyInvalidated);
    h.click(quick);
    let html = h.wait_for_text("指紋或臉部設定已變更").await;
    assert!(
        !html.contains("data-action=\"quick-sign-in\""),
        "no longer offered: {html}"
    );
    assert!(!phone.has_key(&key_alias(ADULT_ID)));
}

#[tokio::test]
async fn a_key_removed_elsewhere_is_refused_and_the_password_is_the_way() {
    let f = Fixture::new().await;
    let phone = Arc::new(SoftwareAuthenticator::default());
    let session = signed_in(&f).await;
    turn_on(&f, &phone).await;
    signed_out(&f);
    // Removed from another signed-in device (or the website).
    let me = device::identity(&*f.store).unwrap();
    f.backend
        .client
        .remove_quick_sign_in_key(&session.token, &me.device_id)
        .await
        .unwrap();

    let mut h = Harness::open("/login", f.setup_with_authenticator(phone.clone()));
    let quick = h.by_attr("data-action", "quick-sign-in");
    h.click(quick);
    let html = h.wait_for_text("請以帳號密碼登入").await;
    assert!(html.contains("未通過驗證"), "{html}");
    assert!(!html.contains("data-action=\"quick-sign-in\""), "{html}");
    // The password still works.
    let inputs = h.listeners("input");
    h.type_into(inputs[1], ADULT_PASSWORD);
    let form = h.listeners("submit")[0];
    h.submit(form);
    h.wait_for_text("王小明，您好").await;
}

#[tokio::test]
async fn removing_this_devices_key_from_the_list_turns_it_off_here() {
    let f = Fixture::new().await;
    let phone = Arc::new(SoftwareAuthenticator::default());
    signed_in(&f).await;
    turn_on(&f, &phone).await;

    let mut h = Harness::open("/me", f.setup_with_authenticator(phone.clone()));
    h.wait_for_text("（這台裝置）").await;
    let remove = h.by_attr("aria-label", &format!("移除 {THIS_DEVICE}"));
    h.click(remove);
    let html = h.wait_for_text("尚無裝置開啟生物辨識輔助登入").await;
    assert!(
        html.contains(&format!("已移除「{THIS_DEVICE}」的生物辨識輔助登入")),
        "{html}"
    );
    assert!(
        html.contains("data-action=\"turn-on-quick-sign-in\""),
        "{html}"
    );
    assert!(!phone.has_key(&key_alias(ADULT_ID)));
}

#[tokio::test]
async fn where_the_system_has_no_prompt_the_option_is_not_shown_and_one_line_says_why() {
    let f = Fixture::new().await;
    signed_in(&f).await;
    let why = "這台電腦沒有應用程式可使用的指紋或臉部驗證";
    let html = Harness::open("/me", f.setup()).wait_for_text(why).await;
    assert!(!html.contains("turn-on-quick-sign-in"), "{html}");
    signed_out(&f);
    let html = Harness::open("/login", f.setup()).wait_for_text(why).await;
    assert!(!html.contains("data-action=\"quick-sign-in\""), "{html}");
}

#[tokio::test]
async fn the_two_hour_warning_offers_quick_sign_in_to_carry_on() {
    let f = Fixture::new().await;
    let phone = Arc::new(SoftwareAuthenticator::default());
    let first = signed_in(&f).await;
    turn_on(&f, &phone).await;
    // Five minutes before the 2 hours are up.
    f.backend.clock.advance(chrono::Duration::minutes(115));
    let mut h = Harness::open("/card", f.setup_with_authenticator(phone.clone()));
    h.wait_for_text("輸入註冊密碼即可繼續使用").await;
    let quick = h.by_attr("data-action", "renew-with-quick-sign-in");
    h.click(quick);
    h.wait_for_text("已延長登入，可繼續使用").await;
    let kept: Session = credentials::load(&*f.store, SESSION_KEY).unwrap().unwrap();
    assert_ne!(kept.token, first.token);
    assert_eq!(
        kept.expires_at,
        f.backend.clock.now() + chrono::Duration::hours(2)
    );
    // The old session was ended on the server.
    assert!(f.backend.client.me(&first.token).await.is_err());
}

#[tokio::test]
async fn with_quick_sign_in_on_authorizing_asks_for_the_fingerprint_first() {
    use support::family::{parent_login, PARENT_ID};
    let f = Fixture::new().await;
    let phone = Arc::new(SoftwareAuthenticator::default());
    let adult = signed_in(&f).await;
    turn_on(&f, &phone).await;
    support::card::approved_card(&f.backend, &adult.token).await;
    let parent = parent_login(&f.backend).await.token;
    support::card::approved_card(&f.backend, &parent).await;

    let mut h = Harness::open(
        "/authorizations/new",
        f.setup_with_authenticator(phone.clone()),
    );
    let id_field = h.listeners("input")[0];
    h.type_into(id_field, PARENT_ID);
    let agree = h.listeners("change")[0];
    h.tick(agree);
    let form = h.listeners("submit")[0];
    // The person closes the prompt: nothing is offered, and they are told.
    phone.answer_prompts(Prompt::Cancelled);
    h.submit(form);
    let html = h.wait_for_text("已取消驗證").await;
    assert!(!html.contains("id=\"authorization-code\""), "{html}");
    // With the fingerprint, the offer is made.
    phone.answer_prompts(Prompt::Verified);
    h.submit(form);
    h.wait_for_text("id=\"authorization-code\"").await;
    let reasons = phone.reasons.lock().unwrap().clone();
    assert_eq!(
        reasons.last().map(String::as_str),
        Some("確認授權他人使用您的虛擬健保卡")
    );
}
