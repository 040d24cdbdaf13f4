//! The authorization screens in a VirtualDom against a real backend: authorizing (consent,
//! both cards, the code and QR, "accepted"), getting authorization by code, the grantor's
//! list with use records and cancelling, and the delegate's card marked as such.

use crate::support;

use nhi_core::api::LoginResponse;
use support::clinic::*;
use support::family::*;
use support::ui_harness::{Fixture, Harness};
use support::*;

/// Adult (grantor) and parent (grantee), both signed in with cards, the parent holding an
/// active authorization: (adult, parent, authorization id).
async fn authorized_family(f: &Fixture) -> (LoginResponse, LoginResponse, i64) {
    let (adult, parent) = with_cards(&f.backend).await;
    let view = authorized_for_a_month(&f.backend, &adult.token, &parent.token).await;
    (adult, parent, view.id)
}

/// The code on the offer screen.
fn shown_code(html: &str) -> String {
    let at = html
        .find("id=\"authorization-code\"")
        .expect("the code is shown");
    let rest = &html[at..];
    let start = rest.find('>').unwrap() + 1;
    rest[start..start + 6].to_owned()
}

#[tokio::test]
async fn authorizing_needs_consent_and_two_cards_then_shows_a_code_the_grantee_can_use() {
    let f = Fixture::new().await;
    let adult = f.sign_in_as(f.backend.signed_in_adult().await);
    support::card::approved_card(&f.backend, &adult.token).await;
    let parent = parent_login(&f.backend).await.token;

    let mut h = Harness::open("/authorizations/new", f.setup());
    let html = h.html();
    assert!(
        html.contains("value=\"2026-11-23\""),
        "starts today: {html}"
    );
    assert!(html.contains("value=\"2026-12-22\""), "30 days by default");
    let id_field = h.listeners("input")[0];
    h.type_into(id_field, PARENT_ID);
    let form = h.listeners("submit")[0];
    h.submit(form);
    let html = h.wait_for_text("請勾選「同意授權」").await;
    assert!(
        html.contains("value=\"A223456781\""),
        "nothing typed is lost"
    );

    let agree = h.listeners("change")[0];
    h.tick(agree);
    h.submit(form);
    h.wait_for_text("被授權人尚未申辦虛擬健保卡").await;

    // Her card under review is not enough: both sides need approved cards (the manual's rule).
    let theirs = support::card::apply_for_card(&f.backend, &parent).await;
    h.submit(form);
    h.wait_for_text("對方的虛擬健保卡尚在審核中").await;
    support::card::approve(&f.backend, theirs.application.unwrap().number).await;
    h.submit(form);
    let html = h.wait_for_text("id=\"authorization-code\"").await;
    assert!(html.contains("授權 QR 碼，剩餘 05:00"), "{html}");
    let code = shown_code(&html);
    assert!(code.bytes().all(|b| b.is_ascii_digit()), "{code}");

    f.backend
        .client
        .redeem_authorization(&parent, &by_code(ADULT_ID, &code))
        .await
        .unwrap();
    let html = h.wait_for_text("王陳美玉 已接受授權").await;
    assert!(html.contains("115/11/23 至 115/12/22"), "{html}");
}

#[tokio::test]
async fn the_grantee_gets_authorization_by_typing_the_holders_id_and_code() {
    let f = Fixture::new().await;
    let adult = f.backend.signed_in_adult().await.token;
    support::card::approved_card(&f.backend, &adult).await;
    let parent = f.sign_in_as(parent_login(&f.backend).await);
    support::card::approved_card(&f.backend, &parent.token).await;
    let offer = f
        .backend
        .client
        .authorize(&adult, &a_month(PARENT_ID))
        .await
        .unwrap();

    let mut h = Harness::open("/authorizations/get", f.setup());
    let inputs = h.listeners("input");
    let (grantor_field, code_field) = (inputs[0], inputs[1]);
    h.type_into(grantor_field, ADULT_ID);
    h.type_into(code_field, "12345");
    let form = h.listeners("submit")[0];
    h.submit(form);
    h.wait_for_text("授權碼為 6 位數字").await;

    let wrong = if offer.code == "000000" {
        "000001"
    } else {
        "000000"
    };
    h.type_into(code_field, wrong);
    h.submit(form);
    h.wait_for_text("授權碼不正確，請核對授權人手機上顯示的 6 位數字。（尚可再試 4 次）")
        .await;

    h.type_into(code_field, &offer.code);
    h.submit(form);
    let html = h.wait_for_text("已取得 王小明 的授權").await;
    assert!(html.contains("115/11/23 至 115/12/22"), "{html}");
    let html = h.wait_for_text("使用此卡就醫").await;
    assert!(html.contains("王小明（A12****789）的虛擬健保卡"), "{html}");
}

#[tokio::test]
async fn the_grantor_sees_each_use_and_cancels_and_it_moves_to_history() {
    let f = Fixture::new().await;
    let (adult, parent, id) = authorized_family(&f).await;
    let parent = parent.token;
    f.sign_in_as(adult);
    let qr = f.backend.client.delegate_qr(&parent, id).await.unwrap();
    let (status, _) = Clinic::new(&f.backend).verify(&CLINIC, &qr.payload).await;
    assert_eq!(status, 200);

    let mut h = Harness::open("/authorizations", f.setup());
    let html = h.wait_for_text("好心家庭醫學科診所").await;
    assert!(html.contains("王陳美玉（A22****781）"), "{html}");
    assert!(html.contains("授權中"));
    assert!(html.contains("使用紀錄"));

    let cancel = h.by_attr("aria-label", "取消授權 王陳美玉");
    h.click(cancel);
    h.wait_for_text("確定取消對").await;
    let confirm = h.by_attr("aria-label", "確定取消授權 王陳美玉");
    h.click(confirm);
    let html = h.wait_for_text("已取消").await;
    assert!(html.contains("已取消、到期或未接受的授權"), "{html}");
    assert!(
        f.backend.client.delegate_qr(&parent, id).await.is_err(),
        "the grantee can no longer show the card"
    );
}

#[tokio::test]
async fn the_delegate_accepts_and_sees_the_holders_card_marked_as_presented_by_a_delegate() {
    let f = Fixture::new().await;
    let (adult, parent, id) = authorized_family(&f).await;
    let adult = adult.token;
    f.sign_in_as(parent);

    let mut h = Harness::open(&format!("/authorizations/{id}/card"), f.setup());
    let html = h.wait_for_text("同意接受授權").await;
    assert!(
        !html.contains("受託出示"),
        "nothing is shown before accepting"
    );
    let accept = h.listeners("change")[0];
    h.tick(accept);
    let html = h.wait_for_text("虛擬健保卡就醫 QR 碼").await;
    assert!(
        html.contains("受託出示：由 王陳美玉 代 王小明 出示"),
        "{html}"
    );

    // Cancelled by the holder: the code leaves the delegate's screen within seconds.
    f.backend
        .client
        .cancel_authorization(&adult, id)
        .await
        .unwrap();
    let html = h.wait_for_text("此授權已取消，無法再代為出示這張卡").await;
    assert!(!html.contains("虛擬健保卡就醫 QR 碼"), "{html}");
    // One state with its reason: no banner, no card, no "fresh code", no Update.
    assert!(!html.contains("受託出示：由"), "{html}");
    assert!(!html.contains("已為您更新"), "{html}");
    assert!(!html.contains(">更新<"), "{html}");
    assert!(html.contains("授權期間："), "{html}");
}

#[tokio::test]
async fn the_grantee_can_stop_using_a_card_and_the_holder_sees_it_end() {
    let f = Fixture::new().await;
    let (adult, parent, _) = authorized_family(&f).await;
    f.sign_in_as(parent);

    let mut h = Harness::open("/authorizations", f.setup());
    h.wait_for_text("使用此卡就醫").await;
    let whose = "王小明（A12****789）的虛擬健保卡";
    let stop = h.by_attr("aria-label", &format!("不再使用 {whose}"));
    h.click(stop);
    let confirm = h.by_attr("aria-label", &format!("確定不再使用 {whose}"));
    h.click(confirm);
    let html = h.wait_for_text("已取消、到期或未接受的授權").await;
    assert!(!html.contains("使用此卡就醫"), "{html}");
    let holder_sees = f.backend.client.authorizations(&adult.token).await.unwrap();
    assert_eq!(
        holder_sees.granted[0].state,
        nhi_core::api::AuthorizationState::Cancelled
    );
}

#[tokio::test]
async fn the_lists_read_in_english_with_iso_periods() {
    let f = Fixture::new().await;
    let (_, parent, _) = authorized_family(&f).await;
    f.sign_in_as(parent);

    let mut h = Harness::open("/authorizations", f.setup());
    h.wait_for_text("使用此卡就醫").await;
    h.switch_language(nhi_core::i18n::Lang::En);
    let html = h.wait_for_text("Allowed authorizations").await;
    for text in [
        "Authorized to others",
        "王小明&#39;s card (A12****789)",
        "from 2026-11-23 to 2026-12-22",
        "In effect",
        "Use this card",
        "You have not authorized anyone to use your card.",
    ] {
        assert!(html.contains(text), "missing {text}:\n{html}");
    }
}
