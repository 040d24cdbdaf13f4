//! The manuals' words where the manuals put them (門診部 申請流程, 健康存摺操作說明): the 提醒您
//! reminders on the application's steps and on the card under review, the three photo
//! sources with the camera-permission help, and the service hotline.

use crate::support;

use support::ui_harness::{Fixture, Harness};

/// Opens the application's document step, the terms agreed.
async fn document_step(f: &Fixture) -> Harness {
    let mut h = Harness::open("/card/apply", f.setup());
    let html = h.wait_for_text("隱私權政策及服務條款").await;
    // The short reminder beside the terms, as on the manual's screen.
    assert!(
        html.contains("所上傳相片為本人資料，如有不實，健保署得拒絕其申請虛擬健保卡"),
        "{html}"
    );
    let tick = h.listeners("change")[0];
    h.tick(tick);
    let general = h.by_attr("data-action", "general-application");
    h.click(general);
    h.wait_for_text("上傳國民身分證正面").await;
    h
}

#[tokio::test]
async fn the_document_step_carries_the_declaration_and_the_video_visit_reminder() {
    let f = Fixture::new().await;
    f.signed_in_session().await;
    let h = document_step(&f).await;
    let html = h.html();
    assert!(html.contains("提醒您"), "{html}");
    assert!(html.contains("健保法第81條第1項規定處以罰鍰"), "{html}");
    assert!(
        html.contains("醫事機構得拒絕本人使用虛擬健保卡就醫"),
        "{html}"
    );
    assert!(
        html.contains("如虛擬卡尚未審核完成，您亦可使用實體健保卡進行視訊診療"),
        "{html}"
    );
}

#[tokio::test]
async fn three_photo_sources_and_the_album_is_never_hidden_behind_the_camera() {
    let f = Fixture::new().await;
    f.signed_in_session().await;
    let mut h = document_step(&f).await;
    let html = h.html();
    for source in ["選擇照片", "使用相機", "選擇檔案"] {
        assert!(html.contains(source), "{source}: {html}");
    }
    // Only the camera's input names a camera: the other two open the album and the files.
    assert_eq!(html.matches("capture=").count(), 1, "{html}");
    assert!(!html.contains("相機沒有拍到照片"), "{html}");

    // The album closed without a choice: nothing to explain.
    let inputs = h.listeners("change");
    let [album, camera, _files] = inputs[inputs.len() - 3..] else {
        unreachable!()
    };
    h.choose(album, "");
    assert!(!h.html().contains("相機沒有拍到照片"));
    // The camera gave nothing (the permission denied, a blank preview): how to allow it.
    h.choose(camera, "");
    let html = h.html();
    assert!(html.contains("相機沒有拍到照片"), "{html}");
    assert!(html.contains("允許使用「相機」"), "{html}");
}

#[tokio::test]
async fn the_card_under_review_reminds_that_video_visits_take_the_physical_card() {
    let f = Fixture::new().await;
    let session = f.signed_in_session().await;
    support::card::apply_for_card(&f.backend, &session.token).await;
    let mut h = Harness::open("/card", f.setup());
    let html = h.wait_for_text("審核期間可使用無照片的虛擬健保卡").await;
    assert!(html.contains("目前視訊診療可用實體卡或虛擬卡"), "{html}");
}

#[tokio::test]
async fn my_account_gives_the_service_hotline_to_call() {
    let f = Fixture::new().await;
    let h = Harness::open("/me", f.setup());
    let html = h.html();
    assert!(html.contains("健保署諮詢服務專線"), "{html}");
    assert!(html.contains("href=\"tel:0800030598\""), "{html}");
    assert!(html.contains("0800-030-598"), "{html}");
}

#[tokio::test]
async fn health_bank_says_not_requested_then_lists_the_three_classes_with_its_help() {
    let f = Fixture::new().await;
    f.signed_in_session().await;
    let mut h = Harness::open("/health-bank", f.setup());
    // (The help names the button too: wait for the answer, not the words.)
    let html = h.wait_for_text("尚未申請，請按上方資料申請。").await;
    assert!(html.contains("<summary>說明</summary>"), "{html}");
    assert!(
        html.contains("保險計費類、保險繳納類與醫療類共 10 餘種資料"),
        "{html}"
    );
    let request = h.by_attr("data-action", "request-health-data");
    h.click(request);
    h.wait_for_text("資料處理中").await;
    f.backend.clock.advance(chrono::Duration::minutes(11));
    let refresh = h.by_attr("data-action", "refresh-health-data");
    h.click(refresh);
    let html = h.wait_for_text("保險繳納類").await;
    assert!(!html.contains("尚未申請"), "{html}");
    let (billing, payment, medical) = (
        html.find(">保險計費類<").unwrap(),
        html.find(">保險繳納類<").unwrap(),
        html.find(">醫療類<").unwrap(),
    );
    assert!(billing < payment && payment < medical, "the manual's order");
    assert!(
        html.contains("投保資料") && html.contains("保費計算"),
        "{html}"
    );
}
