//! Video visit requests in a VirtualDom against a real backend: the badge on the home tile,
//! the request on the card screen with Allow / Decline, a cancellation arriving while the
//! screen is open, the usage records, and a delegate answering for the holder.

use crate::support;

use chrono::Duration;
use nhi_core::api::VideoVisitState;
use nhi_core::domain::Clock;
use support::clinic::*;
use support::family::*;
use support::ui_harness::{Fixture, Harness};
use support::*;

/// The clinic asks for the adult's card; the request's ID.
async fn clinic_asks(f: &Fixture) -> String {
    let at = f.backend.clock.now() + Duration::minutes(5);
    let (status, body) = Clinic::new(&f.backend)
        .request_video_visit(&CLINIC, ADULT_ID, "家醫科", at)
        .await;
    assert_eq!(status, 201, "{body}");
    body["request_id"].as_str().unwrap().to_owned()
}

async fn clinic_sees(f: &Fixture, id: &str) -> VideoVisitState {
    let (_, body) = Clinic::new(&f.backend).video_visit(&CLINIC, id).await;
    serde_json::from_value(body["state"].clone()).unwrap()
}

#[tokio::test]
async fn the_home_tile_says_a_clinic_asks_and_the_card_screen_allows_it() {
    let f = Fixture::new().await;
    let adult = f.signed_in_session().await;
    support::card::apply_for_card(&f.backend, &adult.token).await;

    let mut home = Harness::open("/", f.setup());
    home.wait_for_text("虛擬健保卡").await;
    assert!(
        !home.html().contains("視訊診療請求待回覆"),
        "no badge before"
    );
    let id = clinic_asks(&f).await;
    // Shown by the home screen's own look, without a reload.
    home.wait_for_text("1 項視訊診療請求待回覆").await;

    let mut h = Harness::open("/card", f.setup());
    h.wait_for_text("好心家庭醫學科診所（3501200000）").await;
    h.wait_for_text("使用紀錄（0 筆）").await;
    // The QR may come a moment after the request and the records: wait for all.
    let html = h.wait_for_text("class=\"card-qr\"").await;
    assert!(html.contains("家醫科・視訊時間"), "{html}");
    assert!(html.contains("診所留言：林醫師會在 LINE 視訊"), "{html}");
    // The request comes before the QR: the patient is on the call.
    let (request, qr) = (
        html.find("class=\"video-visits\""),
        html.find("class=\"card-qr\""),
    );
    assert!(request.unwrap() < qr.expect("the QR panel"), "{html}");
    let allow = h.by_attr("data-answer", "allow");
    h.click(allow);
    h.wait_for_text("已同意：好心家庭醫學科診所 已取得您的健保卡資料，就醫序號 V001。")
        .await;
    h.wait_for_text("使用紀錄（1 筆）").await;
    let html = h.wait_for_text("王小明 已同意，就醫序號 V001。").await;
    assert!(
        html.contains("<span class=\"tag\">視訊診療</span>"),
        "{html}"
    );
    assert_eq!(clinic_sees(&f, &id).await, VideoVisitState::Allowed);
}

#[tokio::test]
async fn decline_and_a_cancellation_while_open_are_shown_with_the_reason() {
    let f = Fixture::new().await;
    let adult = f.signed_in_session().await;
    support::card::apply_for_card(&f.backend, &adult.token).await;
    let declined = clinic_asks(&f).await;

    let mut h = Harness::open("/card", f.setup());
    h.wait_for_text("好心家庭醫學科診所（3501200000）").await;
    let decline = h.by_attr("data-answer", "decline");
    h.click(decline);
    h.wait_for_text("已拒絕這項視訊診療請求。").await;
    h.wait_for_text("王小明 已拒絕。").await;
    assert_eq!(clinic_sees(&f, &declined).await, VideoVisitState::Declined);

    f.backend.clock.advance(Duration::minutes(1));
    let cancelled = clinic_asks(&f).await;
    h.wait_for_text("data-answer=\"allow\"").await;
    let (status, _) = Clinic::new(&f.backend)
        .cancel_video_visit(&CLINIC, &cancelled)
        .await;
    assert_eq!(status, 200);
    let html = h.wait_for_text("診所已取消這項請求。").await;
    assert!(
        !html.contains("data-answer=\"allow\""),
        "nothing left to answer: {html}"
    );
}

#[tokio::test]
async fn a_delegate_sees_whose_card_is_asked_for_and_allows_it() {
    let f = Fixture::new().await;
    let (adult, parent) = with_cards(&f.backend).await;
    authorized_for_a_month(&f.backend, &adult.token, &parent.token).await;
    f.sign_in_as(parent);
    let id = clinic_asks(&f).await;

    let mut h = Harness::open("/card", f.setup());
    let html = h
        .wait_for_text("要求使用 王小明 的健保卡（您受其授權）")
        .await;
    assert!(html.contains("好心家庭醫學科診所"), "{html}");
    let allow = h.by_attr("data-answer", "allow");
    h.click(allow);
    h.wait_for_text("王陳美玉 已同意，就醫序號 V001。").await;
    assert_eq!(clinic_sees(&f, &id).await, VideoVisitState::Allowed);
    // The holder's own usage records name the delegate.
    let uses = f.backend.client.card_uses(&adult.token).await.unwrap();
    assert_eq!(uses[0].delegate.as_ref().unwrap().name, "王陳美玉");
}
