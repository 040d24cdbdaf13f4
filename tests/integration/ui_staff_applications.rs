//! 專案申請 as the person sees it: the card screen says who applied for them, and they may
//! withdraw it.

use crate::backend_staff_applications::{application, file, images_for_lin, LIN_ID};
use crate::support;

use nhi_client::app::device;
use support::clinic::HOME_CARE;
use support::ui_harness::{Fixture, Harness};

#[tokio::test]
async fn the_card_says_who_applied_and_the_person_withdraws_it() {
    let f = Fixture::new().await;
    let (consent, doc, photo) = images_for_lin(&f.backend, &HOME_CARE).await;
    let (status, body) = file(&f.backend, &HOME_CARE, &application(consent, doc, photo)).await;
    assert_eq!(status, 201, "{body}");
    // 林清水 on his daughter's phone.
    let phone = device::identity(&*f.store).unwrap();
    let bound = f
        .backend
        .bind_by_phone(LIN_ID, "6804", "0988123456", "Lin@1938ok", &phone)
        .await;
    device::keep_device_key(&*f.store, &bound.id_number, &bound.device_key).unwrap();
    f.sign_in_as(bound.session.expect("signed in"));

    let mut h = Harness::open("/card", f.setup());
    let html = h.wait_for_text("經您同意為您提出").await;
    assert!(html.contains("安康居家護理所"), "{html}");
    let withdraw = h.by_attr("aria-label", "撤回申請 安康居家護理所");
    h.click(withdraw);
    let confirm = h.by_attr("aria-label", "確定撤回 安康居家護理所");
    h.click(confirm);
    h.wait_for_text("已撤回申請").await;
    let html = h.wait_for_text("您尚未申辦虛擬健保卡").await;
    assert!(!html.contains("經您同意為您提出"), "{html}");
    let card = f.backend.client.card(&bound_token(&f)).await.unwrap();
    assert_eq!(card.state, nhi_core::api::CardState::None);
}

fn bound_token(f: &Fixture) -> String {
    use nhi_client::app::credentials::{self, SESSION_KEY};
    let session: nhi_client::app::Session =
        credentials::load(&*f.store, SESSION_KEY).unwrap().unwrap();
    session.token
}

#[tokio::test]
async fn a_nurse_identifies_with_the_cards_and_the_person_is_checked_before_anything_else() {
    let f = Fixture::new().await;
    f.signed_in_session().await;
    let mut h = Harness::open("/card/apply", f.setup());
    // The manual's two ways on from the terms: staff for a person, and the person's own.
    let html = h.wait_for_text("專案申請（醫事 / 臨櫃人員）").await;
    let staff = html.find("專案申請（醫事 / 臨櫃人員）").unwrap();
    let general = html.find("一般申請").unwrap();
    assert!(staff < general, "{html}");

    let mut h = Harness::open("/card/apply/staff", f.setup());
    h.wait_for_text("居家醫療照護整合計畫").await;
    let inputs = h.listeners("input");
    for (field, value) in
        inputs
            .iter()
            .zip(["3501209876", "SAM-3501209876", "HPC-RN-0006", "468024"])
    {
        h.type_into(*field, value);
    }
    let form = h.listeners("submit")[0];
    h.submit(form);
    h.wait_for_text("申請對象").await;
    // Someone not in the institution's care. (The person step's fields are the newest.)
    let all = h.listeners("input");
    let inputs = &all[all.len() - 3..];
    h.type_into(inputs[0], support::ADULT_ID);
    h.type_into(inputs[1], support::ADULT_NAME);
    h.type_into(inputs[2], "1981-01-01");
    let form = *h.listeners("submit").last().unwrap();
    h.submit(form);
    h.wait_for_text("不是貴機構登錄的居家醫療照護收案個案")
        .await;
    // 林清水, as his ID card says.
    h.type_into(inputs[0], LIN_ID);
    h.type_into(inputs[1], "林清水");
    h.type_into(inputs[2], "1938-06-02");
    h.submit(form);
    let html = h.wait_for_text("將為 林清水（H12****804）申辦").await;
    assert!(html.contains("拍攝簽署的同意書"), "{html}");
}

#[tokio::test]
async fn counter_staff_sign_in_with_their_account_before_naming_the_person() {
    let f = Fixture::new().await;
    f.signed_in_session().await;
    let mut h = Harness::open("/card/apply/staff", f.setup());
    h.wait_for_text("醫事人員（居家醫療照護整合計畫）").await;
    // The second role: NHIA counter staff. (The two radios are the screen's change listeners.)
    let roles = h.listeners("change");
    h.choose(roles[1], "counter");
    h.wait_for_text("員工帳號").await;
    let all = h.listeners("input");
    let account = &all[all.len() - 2..];
    let form = *h.listeners("submit").last().unwrap();
    // Nothing typed: said so, without asking the server.
    h.submit(form);
    h.wait_for_text("請輸入員工帳號及密碼").await;
    h.type_into(account[0], "counter");
    h.type_into(account[1], "Counter@2025");
    h.submit(form);
    h.wait_for_text("員工帳號或密碼錯誤，還可再試").await;
    h.type_into(account[1], "Counter@2026");
    h.submit(form);
    let html = h.wait_for_text("申請對象").await;
    assert!(
        html.contains("已登入：中央健康保險署 臺北業務組 臨櫃 王專員"),
        "{html}"
    );
    // Counter staff apply for whoever is at the counter: no case registry.
    let all = h.listeners("input");
    let inputs = &all[all.len() - 3..];
    h.type_into(inputs[0], support::ADULT_ID);
    h.type_into(inputs[1], support::ADULT_NAME);
    h.type_into(inputs[2], "1981-01-01");
    h.submit(*h.listeners("submit").last().unwrap());
    h.wait_for_text("民眾同意").await;
}

#[tokio::test]
async fn the_person_s_records_show_who_applied_for_them() {
    let f = Fixture::new().await;
    let (consent, doc, photo) = images_for_lin(&f.backend, &HOME_CARE).await;
    let (status, body) = file(&f.backend, &HOME_CARE, &application(consent, doc, photo)).await;
    assert_eq!(status, 201, "{body}");
    let phone = device::identity(&*f.store).unwrap();
    let bound = f
        .backend
        .bind_by_phone(LIN_ID, "6804", "0988123456", "Lin@1938ok", &phone)
        .await;
    f.sign_in_as(bound.session.expect("signed in"));
    let mut h = Harness::open("/card/applications", f.setup());
    let html = h.wait_for_text("安康居家護理所 代為申請（醫事人員）").await;
    assert!(html.contains("審核中"), "{html}");
    assert!(html.contains("申請紀錄"), "{html}");
}
