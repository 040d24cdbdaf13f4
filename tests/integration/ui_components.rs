//! Component tests without a window: the real app in a VirtualDom, rendered with
//! dioxus-ssr, driven by the same events a webview would send, against a real backend.

use crate::support;

use chrono::Duration as Span;
use dioxus::prelude::*;
use nhi_client::app::credentials::{self, RememberedAccount, REMEMBERED_KEY, SESSION_KEY};
use nhi_client::app::{AppSetup, Session};
use nhi_client::platform::SecureStore;
use nhi_core::domain::IdNumber;
use nhi_core::i18n::Lang;
use nhi_core::i18n::Msg;
use support::ui_harness::{Fixture, Harness};
use support::*;

#[tokio::test]
async fn home_offers_the_services_in_zh_tw_by_default() {
    let f = Fixture::new().await;
    let h = Harness::open("/", f.setup());
    let html = h.html();
    for text in [
        "全民健保行動快易通",
        "虛擬健保卡",
        "健康存摺",
        "裝置認證",
        "登入",
        "lang=\"zh-Hant-TW\"",
    ] {
        assert!(html.contains(text), "missing {text}:\n{html}");
    }
}

#[tokio::test]
async fn the_language_picker_turns_the_screen_english() {
    let f = Fixture::new().await;
    let mut h = Harness::open("/", f.setup());
    let html = h.html();
    // Every language is offered by its own name.
    for name in ["繁體中文", "English", "Bahasa Indonesia", "Tiếng Việt"] {
        assert!(html.contains(name), "missing {name}:\n{html}");
    }
    h.switch_language(Lang::En);
    let html = h.html();
    assert!(html.contains("Virtual NHI Card"), "{html}");
    assert!(html.contains("My Health Bank"));
    assert!(html.contains("lang=\"en\""));
    // (The NHIA's announcements are its own words, in Chinese: the screen's are not.)
    assert!(!html.contains(">虛擬健保卡<"));

    // The choice is this device's: the next start opens in English at once.
    let h = Harness::open("/", f.setup());
    let html = h.html();
    assert!(html.contains("Virtual NHI Card"), "{html}");
    assert!(html.contains("aria-label=\"Language\""));
    assert!(!html.contains(">虛擬健保卡<"));
}

#[tokio::test]
async fn the_login_screen_has_id_password_and_remember_me() {
    let f = Fixture::new().await;
    let h = Harness::open("/login", f.setup());
    let html = h.html();
    assert!(html.contains("身分證號／居留證號"));
    assert!(html.contains("註冊密碼"));
    assert!(html.contains("type=\"password\""));
    assert!(html.contains("記住我的身分證號"));
    assert!(html.contains("aria-label=\"顯示密碼\""));
}

#[tokio::test]
async fn the_eye_shows_and_hides_the_password() {
    let f = Fixture::new().await;
    let mut h = Harness::open("/login", f.setup());
    let eye = h.by_attr("aria-label", "顯示密碼");
    h.click(eye);
    let html = h.html();
    assert!(!html.contains("type=\"password\""), "{html}");
    assert!(html.contains("aria-label=\"隱藏密碼\""));
    assert!(html.contains("aria-pressed=\"true\""));
    h.click(eye);
    assert!(h.html().contains("type=\"password\""));
}

#[tokio::test]
async fn a_mistyped_id_is_explained_and_nothing_typed_is_lost() {
    let f = Fixture::new().await;
    let mut h = Harness::open("/login", f.setup());
    let inputs = h.listeners("input");
    h.type_into(inputs[0], "G123456789");
    h.type_into(inputs[1], "Wang@2026");
    let form = h.listeners("submit")[0];
    h.submit(form);
    let html = h.wait_for_text("role=\"alert\"").await;
    assert!(html.contains("檢查碼不符"), "{html}");
    assert!(
        html.contains("value=\"G123456789\""),
        "the ID stays as typed"
    );
    assert_eq!(f.store.get(SESSION_KEY).unwrap(), None);
}

#[tokio::test]
async fn a_wrong_password_says_so_and_counts_down() {
    let f = Fixture::new().await;
    f.bind_app_device().await;
    let mut h = Harness::open("/login", f.setup());
    let inputs = h.listeners("input");
    h.type_into(inputs[0], ADULT_ID);
    h.type_into(inputs[1], "Nope@2026");
    let form = h.listeners("submit")[0];
    h.submit(form);
    let html = h.wait_for_text("role=\"alert\"").await;
    assert!(html.contains("身分證號或密碼錯誤"), "{html}");
    assert!(html.contains("再錯 4 次"), "{html}");
}

#[tokio::test]
async fn signing_in_from_a_service_returns_to_it() {
    let f = Fixture::new().await;
    f.bind_app_device().await;
    let mut h = Harness::open("/login/card", f.setup());
    let inputs = h.listeners("input");
    h.type_into(inputs[0], ADULT_ID);
    h.type_into(inputs[1], ADULT_PASSWORD);
    let form = h.listeners("submit")[0];
    h.submit(form);
    // The card screen, not home: a person without a card is offered the application.
    let html = h.wait_for_text("申辦虛擬健保卡").await;
    assert!(!html.contains("您好"), "{html}");
}

#[tokio::test]
async fn a_next_that_names_no_screen_goes_home() {
    let f = Fixture::new().await;
    f.bind_app_device().await;
    let mut h = Harness::open("/login/https:/evil.example", f.setup());
    let inputs = h.listeners("input");
    h.type_into(inputs[0], ADULT_ID);
    h.type_into(inputs[1], ADULT_PASSWORD);
    let form = h.listeners("submit")[0];
    h.submit(form);
    h.wait_for_text("王小明，您好").await;
}

#[tokio::test]
async fn the_login_screen_offers_device_authentication_and_the_ways_back_from_a_lost_password() {
    let f = Fixture::new().await;
    let html = Harness::open("/login", f.setup()).html();
    assert!(
        html.contains("可利用下方「裝置認證」增加帳號資訊"),
        "{html}"
    );
    assert!(html.contains("href=\"/device-authentication\""), "{html}");
    assert!(html.contains("忘記密碼？"), "{html}");
    assert!(
        html.contains("/register/forgot"),
        "the website's reset: {html}"
    );
    assert!(
        html.contains("href=\"/device-authentication/phone"),
        "the phone path: {html}"
    );
}

#[tokio::test]
async fn signing_in_shows_who_and_until_when_and_keeps_the_session_in_the_store() {
    let f = Fixture::new().await;
    f.bind_app_device().await;
    let mut h = Harness::open("/login", f.setup());
    let inputs = h.listeners("input");
    h.type_into(inputs[0], ADULT_ID);
    h.type_into(inputs[1], ADULT_PASSWORD);
    let remember = h.listeners("change")[0];
    h.tick(remember);
    let form = h.listeners("submit")[0];
    h.submit(form);
    let html = h.wait_for_text("王小明，您好").await;
    assert!(html.contains("登入有效至"), "{html}");
    assert!(html.contains("2 小時 0 分"), "{html}");

    let kept: Session = credentials::load(&*f.store, SESSION_KEY).unwrap().unwrap();
    assert_eq!(kept.person.name, ADULT_NAME);
    let remembered: Vec<RememberedAccount> = credentials::load(&*f.store, REMEMBERED_KEY)
        .unwrap()
        .unwrap();
    assert_eq!(remembered[0].id_number.as_str(), ADULT_ID);
}

#[tokio::test]
async fn unticking_remember_me_forgets_the_id_on_this_device() {
    let f = Fixture::new().await;
    f.bind_app_device().await;
    let sign_in = |tick_remember: bool| {
        let mut h = Harness::open("/login", f.setup());
        let inputs = h.listeners("input");
        h.type_into(inputs[0], ADULT_ID);
        h.type_into(inputs[1], ADULT_PASSWORD);
        let remember = h.listeners("change")[0];
        if tick_remember {
            h.tick(remember);
        } else {
            h.untick(remember);
        }
        let form = h.listeners("submit")[0];
        h.submit(form);
        h
    };
    let remembered = || -> Vec<RememberedAccount> {
        credentials::load(&*f.store, REMEMBERED_KEY)
            .unwrap()
            .unwrap_or_default()
    };
    sign_in(true).wait_for_text("王小明，您好").await;
    assert_eq!(remembered().len(), 1);
    let signed_out = || f.store.delete(SESSION_KEY).unwrap();
    signed_out();

    // Next time the box starts ticked (the ID is remembered); unticking it forgets the ID.
    let h = Harness::open("/login", f.setup());
    assert!(
        h.html().contains(&format!("value=\"{ADULT_ID}\"")),
        "offered again"
    );
    sign_in(false).wait_for_text("王小明，您好").await;
    assert!(remembered().is_empty(), "{:?}", remembered());
    signed_out();
    let h = Harness::open("/login", f.setup());
    let html = h.html();
    assert!(
        !html.contains(&format!("value=\"{ADULT_ID}\"")),
        "nothing filled in: {html}"
    );
    assert!(!html.contains("王小明"), "no account offered");
}

#[tokio::test]
async fn a_device_never_bound_is_sent_to_device_authentication() {
    let f = Fixture::new().await;
    let mut h = Harness::open("/login", f.setup());
    let inputs = h.listeners("input");
    h.type_into(inputs[0], ADULT_ID);
    h.type_into(inputs[1], ADULT_PASSWORD);
    let form = h.listeners("submit")[0];
    h.submit(form);
    let html = h.wait_for_text("role=\"alert\"").await;
    assert!(
        html.contains("此裝置尚未為這個身分證號完成裝置認證"),
        "{html}"
    );
    assert!(html.contains("前往裝置認證"));
    assert!(html.contains("href=\"/device-authentication\""));
}

#[tokio::test]
async fn remembered_accounts_are_offered_and_can_be_forgotten() {
    let f = Fixture::new().await;
    let accounts = vec![
        RememberedAccount {
            id_number: IdNumber::parse("A223456781").unwrap(),
            name: "王陳美玉".into(),
        },
        RememberedAccount {
            id_number: IdNumber::parse(ADULT_ID).unwrap(),
            name: ADULT_NAME.into(),
        },
    ];
    credentials::save(&*f.store, REMEMBERED_KEY, &accounts).unwrap();
    let mut h = Harness::open("/login", f.setup());
    let html = h.html();
    assert!(html.contains("本裝置的帳號"));
    assert!(
        html.contains("A22****781") && html.contains("A12****789"),
        "{html}"
    );
    assert!(
        html.contains("value=\"A223456781\""),
        "the newest account is filled in"
    );

    let pick = h.by_attr("aria-label", "王小明 A12****789 – 使用帳號");
    h.click(pick);
    assert!(h.html().contains("value=\"A123456789\""));

    let forget = h.by_attr("aria-label", "從本裝置移除 王陳美玉");
    h.click(forget);
    assert!(!h.html().contains("A22****781"));
    let left: Vec<RememberedAccount> = credentials::load(&*f.store, REMEMBERED_KEY)
        .unwrap()
        .unwrap();
    assert_eq!(left.len(), 1);
}

#[tokio::test]
async fn the_account_page_shows_the_person_and_signs_out() {
    let f = Fixture::new().await;
    let session = f.signed_in_session().await;
    let mut h = Harness::open("/me", f.setup());
    let html = h.html();
    assert!(html.contains(ADULT_NAME));
    assert!(html.contains("民國 70/01/01"), "{html}");
    assert!(html.contains("A12****789"));
    assert!(html.contains("登出"));

    let logout = h.by_attr("title", "登出本裝置並結束這次登入");
    h.click(logout);
    h.wait_for_text("您已登出").await;
    assert_eq!(f.store.get(SESSION_KEY).unwrap(), None);
    assert!(
        f.backend.client.me(&session.token).await.is_err(),
        "the server forgot it too"
    );
}

#[tokio::test]
async fn the_account_page_changes_the_password_and_explains_a_wrong_current_one() {
    let f = Fixture::new().await;
    f.signed_in_session().await;
    let mut h = Harness::open("/me", f.setup());
    let open = h.by_attr("title", "變更此帳號的註冊密碼；其他裝置將被登出");
    h.click(open);
    // The form's fields in order: the current password, the new one, the new one again.
    let fill = |h: &mut Harness, current: &str| {
        let fields = h.listeners("input");
        for (field, text) in fields.into_iter().zip([current, "Wang@2027", "Wang@2027"]) {
            h.type_into(field, text);
        }
        let form = h.listeners("submit")[0];
        h.submit(form);
    };
    fill(&mut h, "Wrong@2026");
    h.wait_for_text("目前的密碼錯誤。再錯 4 次帳號將被鎖定。")
        .await;
    fill(&mut h, ADULT_PASSWORD);
    h.wait_for_text("註冊密碼已變更").await;
    let mut site = crate::support::site::Site::new(&f.backend);
    assert_eq!(
        site.log_in(ADULT_ID, "Wang@2027").await,
        303,
        "the new one works"
    );
}

#[tokio::test]
async fn an_expired_session_is_not_restored() {
    let f = Fixture::new().await;
    f.signed_in_session().await;
    f.backend.clock.advance(Span::hours(2));
    let h = Harness::open("/", f.setup());
    let html = h.html();
    assert!(html.contains("歡迎使用"), "{html}");
    assert!(!html.contains("您好"));
    assert_eq!(f.store.get(SESSION_KEY).unwrap(), None);
}

#[tokio::test]
async fn services_ask_to_sign_in_first() {
    let f = Fixture::new().await;
    let html = Harness::open("/card", f.setup()).html();
    assert!(html.contains("請先登入才能使用此服務"), "{html}");
    // The sign-in it offers comes back here.
    assert!(html.contains("href=\"/login/card\""), "{html}");
    let html = Harness::open("/health-bank", f.setup()).html();
    assert!(html.contains("請先登入才能使用此服務"), "{html}");
}

#[tokio::test]
async fn a_startup_failure_is_explained_instead_of_a_blank_screen() {
    let h = Harness::open(
        "/",
        AppSetup::failed(Msg::new("setup-keyring-unavailable"), "no Secret Service"),
    );
    let html = h.html();
    assert!(html.contains("無法啟動"), "{html}");
    assert!(html.contains("找不到系統的安全憑證儲存區"));
    assert!(html.contains("The system keyring cannot be reached"));
    assert!(html.contains("no Secret Service"));
    assert!(html.contains("role=\"alert\""));
}

#[tokio::test]
async fn without_a_keyring_the_app_explains_in_both_languages_and_retries() {
    let f = Fixture::new().await;
    let ready = f.setup();
    let failed =
        AppSetup::keyring_unavailable(&nhi_client::platform::SecureStoreError::Unavailable(
            "No default store has been set".into(),
        ))
        .with_retry(std::sync::Arc::new(move || ready.clone()));
    let mut h = Harness::open("/", failed);
    let html = h.html();
    assert!(html.contains("請啟動並解鎖系統鑰匙圈"), "{html}");
    assert!(
        html.contains("Start and unlock the keyring"),
        "both languages: {html}"
    );
    assert!(html.contains("gnome-keyring"), "what to install");
    assert!(
        html.contains("(the secure credential store is not available: No default store"),
        "the detail, apart: {html}"
    );
    // The keyring is there now: Retry opens the app.
    let retry = h.listeners("click")[0];
    h.click(retry);
    let html = h.wait_for_text("虛擬健保卡").await;
    assert!(!html.contains("無法啟動"), "{html}");
}

#[test]
fn the_image_picker_opens_the_right_camera_on_phones() {
    use nhi_ui::widgets::{Camera, ImagePicker};
    use nhi_ui::UiState;

    #[component]
    fn Host(camera: Camera) -> Element {
        use_context_provider(|| UiState::new(Default::default(), None, chrono::Utc::now()));
        rsx! {
            ImagePicker {
                label: "掃描 QR 碼",
                camera,
                on_pick: |_| {},
                on_error: |_| {},
            }
        }
    }

    for (camera, capture) in [(Camera::Back, "environment"), (Camera::Front, "user")] {
        let mut dom = VirtualDom::new_with_props(Host, HostProps { camera });
        dom.rebuild_in_place();
        let html = dioxus_ssr::render(&dom);
        assert!(html.contains("type=\"file\""), "{html}");
        assert!(html.contains("accept=\"image/*\""));
        assert!(html.contains(&format!("capture=\"{capture}\"")), "{html}");
        assert!(html.contains("掃描 QR 碼"));
    }
}

#[tokio::test]
async fn a_person_without_a_card_is_offered_the_application_behind_the_terms() {
    let f = Fixture::new().await;
    f.signed_in_session().await;
    let mut h = Harness::open("/card", f.setup());
    let html = h.wait_for_text("申辦虛擬健保卡").await;
    assert!(html.contains("您尚未申辦虛擬健保卡"), "{html}");

    let mut h = Harness::open("/card/apply", f.setup());
    let html = h.wait_for_text("隱私權政策及服務條款").await;
    assert!(
        html.contains("disabled"),
        "General application waits for the tick: {html}"
    );
    let tick = h.listeners("change")[0];
    h.tick(tick);
    let general = h.by_attr("data-action", "general-application");
    h.click(general);
    let html = h.wait_for_text("上傳國民身分證正面").await;
    assert!(html.contains("type=\"file\""), "{html}");
    // The current step is named as such, not by colour alone.
    assert!(
        html.contains(
            "aria-current=\"step\"><span class=\"step-number\" aria-hidden=\"true\">1</span>證件"
        ),
        "{html}"
    );
    assert_eq!(html.matches("aria-current=\"step\"").count(), 1);
}

#[tokio::test]
async fn the_card_screen_picks_up_the_approval_by_itself() {
    let f = Fixture::new().await;
    let session = f.signed_in_session().await;
    let view = support::card::apply_for_card(&f.backend, &session.token).await;
    let number = view.application.unwrap().number;
    let mut h = Harness::open("/card", f.setup());
    h.wait_for_text("審核期間可使用無照片的虛擬健保卡").await;

    // The reviewer approves while the screen is open; nobody reloads it.
    let mut console = support::site::Site::new(&f.backend);
    console
        .post(
            "/review/login",
            &[("username", "reviewer"), ("password", "Review@2026")],
        )
        .await;
    let (status, _) = console
        .post(
            &format!("/review/applications/{number}/decision"),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(status, 303);
    let html = h.wait_for_text("虛擬健保卡已核准").await;
    assert!(!html.contains("審核期間可使用無照片的虛擬健保卡"), "{html}");
}

#[tokio::test]
async fn before_the_session_ends_a_warning_renews_it_without_leaving_the_screen() {
    let f = Fixture::new().await;
    f.bind_app_device().await;
    let AppSetup::Ready(services) = f.setup() else {
        unreachable!()
    };
    let first = services
        .flows
        .login(&nhi_client::app::LoginForm {
            id_number: ADULT_ID.into(),
            password: ADULT_PASSWORD.into(),
            remember: true,
        })
        .await
        .unwrap();
    // 1 h 56 min later: four minutes left.
    f.backend.clock.advance(Span::minutes(116));
    let mut h = Harness::open("/health-bank", f.setup());
    let html = h.html();
    assert!(html.contains("登入將於"), "{html}");
    assert!(html.contains("繼續使用"), "{html}");

    // The warning's password field is the only field on the screen.
    let password = h.listeners("input")[0];
    h.type_into(password, ADULT_PASSWORD);
    let form = h.listeners("submit")[0];
    h.submit(form);
    let html = h.wait_for_text("已延長登入").await;
    assert!(!html.contains("登入將於"), "the warning is gone:\n{html}");
    assert!(
        html.contains("健康存摺"),
        "still on the same screen:\n{html}"
    );
    let kept: Session = credentials::load(&*f.store, SESSION_KEY).unwrap().unwrap();
    assert!(kept.token != first.token);
    assert!(kept.expires_at - nhi_core::domain::Clock::now(&f.backend.clock) > Span::minutes(110));
    assert!(
        f.backend.client.me(&first.token).await.is_err(),
        "the old session was ended"
    );
}

#[tokio::test]
async fn a_wizard_step_lives_in_the_address_and_back_keeps_what_was_typed() {
    let f = Fixture::new().await;
    // Not before the terms are agreed to: the address of the number step shows the terms.
    let h = Harness::open("/device-authentication/phone?step=number", f.setup());
    assert!(
        h.html().contains("使用者條款及個人隱私權聲明"),
        "{}",
        h.html()
    );
    assert!(!h.html().contains("輸入身分資料"), "{}", h.html());
    // Agreed (as Confirm records it in the form a reload keeps).
    nhi_client::platform::drafts::save(
        "phone-authentication",
        &serde_json::json!({ "id_number": "", "mobile": "", "terms_agreed": true }),
    );
    let mut h = Harness::open("/device-authentication/phone?step=number", f.setup());
    assert!(h.html().contains("輸入身分資料"), "{}", h.html());
    let fields = h.listeners("input");
    h.type_into(fields[0], "H221357915");
    h.type_into(fields[1], "7915");
    h.type_into(fields[2], "0988654321");
    h.wait_for_text("value=\"0988654321\"").await;

    // A reload (the same address opened again) keeps the step, the ID and the number, but
    // not the card digits, which are part of the identity check.
    let again = Harness::open("/device-authentication/phone?step=number", f.setup());
    let html = again.html();
    assert!(html.contains("value=\"H221357915\""), "{html}");
    assert!(html.contains("value=\"0988654321\""), "{html}");
    assert!(!html.contains("value=\"7915\""), "{html}");

    // "Back" goes to the terms; the password step without the carrier's confirmation
    // (after a reload) falls back to the number step.
    let back = h.by_attr("data-back-to", "/device-authentication/phone?step=terms");
    h.click(back);
    h.wait_for_text("使用者條款及個人隱私權聲明").await;
    let mut h = Harness::open("/device-authentication/phone?step=password", f.setup());
    let html = h.wait_for_text("輸入身分資料").await;
    assert!(!html.contains("設定註冊密碼"), "{html}");
}
