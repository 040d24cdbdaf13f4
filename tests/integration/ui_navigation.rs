//! Navigation as the manuals show it (虛擬健保卡運用, 門診部 申請流程): the five tabs 首頁 · 健康存摺 ·
//! 健保櫃檯 · 虛擬健保卡 · 我的 with the active one marked, 需登入 on the services that need sign-in,
//! 重要資訊 from the backend above the services, 健保櫃檯 gathering the card's and the device's
//! services, and 說明 beside each 開始認證.

use crate::support;

use support::ui_harness::{Fixture, Harness};

/// The tab bar's labels in order, and the one marked as the current page.
fn tabs(html: &str) -> (Vec<String>, Option<String>) {
    let bar = &html[html.find("class=\"tab-bar\"").expect("a tab bar")..];
    let bar = &bar[..bar.find("</nav>").unwrap()];
    let mut labels = Vec::new();
    let mut current = None;
    for link in bar.split("<a ").skip(1) {
        let label = link.rsplit("<span>").next().unwrap();
        let label = label[..label.find("</span>").unwrap()].to_owned();
        if link.contains("aria-current=\"page\"") {
            current = Some(label.clone());
        }
        labels.push(label);
    }
    (labels, current)
}

#[tokio::test]
async fn five_tabs_as_the_manual_and_the_current_one_marked() {
    let f = Fixture::new().await;
    f.signed_in_session().await;
    for (path, active) in [
        ("/", "首頁"),
        ("/health-bank", "健康存摺"),
        ("/health-bank/categories/outpatient", "健康存摺"),
        ("/services", "健保櫃檯"),
        ("/institutions", "健保櫃檯"),
        ("/device-authentication", "健保櫃檯"),
        ("/authorizations", "健保櫃檯"),
        ("/card", "虛擬健保卡"),
        ("/me", "我的"),
    ] {
        let h = Harness::open(path, f.setup());
        let (labels, current) = tabs(&h.html());
        assert_eq!(
            labels,
            ["首頁", "健康存摺", "健保櫃檯", "虛擬健保卡", "我的"],
            "{path}"
        );
        assert_eq!(current.as_deref(), Some(active), "{path}");
    }
}

#[tokio::test]
async fn services_needing_sign_in_say_so_until_someone_signs_in() {
    let f = Fixture::new().await;
    let html = Harness::open("/", f.setup()).html();
    // 虛擬健保卡, 健康存摺 and 授權管理 need sign-in; the others do not.
    assert_eq!(html.matches("class=\"needs-sign-in\"").count(), 3, "{html}");
    let html = Harness::open("/services", f.setup()).html();
    assert!(
        html.contains("申請進度") && html.contains("裝置認證"),
        "{html}"
    );
    assert_eq!(html.matches("class=\"needs-sign-in\"").count(), 3, "{html}");

    f.signed_in_session().await;
    let html = Harness::open("/", f.setup()).html();
    assert!(!html.contains("class=\"needs-sign-in\""), "{html}");
}

#[tokio::test]
async fn announcements_published_in_the_console_show_above_the_services() {
    let f = Fixture::new().await;
    let mut h = Harness::open("/", f.setup());
    let html = h.wait_for_text("重要資訊").await;
    assert!(html.contains("請勿將就醫 QR 碼分享給他人"), "{html}");
    let (news, services) = (
        html.find("重要資訊").unwrap(),
        html.find("class=\"tiles\"").unwrap(),
    );
    assert!(news < services, "above the services");

    let mut console = support::site::reviewer_console(&f.backend).await;
    let (status, _) = console
        .post(
            "/review/announcements",
            &[
                ("title", "12 月 20 日系統維護"),
                ("body", "當日 02:00 至 04:00 暫停服務。"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let mut h = Harness::open("/", f.setup());
    h.wait_for_text("12 月 20 日系統維護").await;
}

#[tokio::test]
async fn each_way_of_device_authentication_has_its_help_beside_start() {
    let f = Fixture::new().await;
    let html = Harness::open("/device-authentication", f.setup()).html();
    assert_eq!(html.matches("<summary").count(), 2, "{html}");
    assert_eq!(html.matches(">開始認證<").count(), 2, "{html}");
    assert!(html.contains("手機門號與健保卡須為同一人"), "{html}");
    assert!(html.contains("產生裝置認證碼"), "{html}");
}

#[tokio::test]
async fn the_institution_list_says_which_departments_take_the_card_and_to_check_first() {
    let f = Fixture::new().await;
    let mut h = Harness::open("/institutions", f.setup());
    let html = h.wait_for_text("臺北市立聯合醫院仁愛院區").await;
    assert!(
        html.contains("可使用的科別：家醫科、內科、小兒科"),
        "{html}"
    );
    assert!(html.contains("尚未受理：外科、眼科"), "{html}");
    assert!(html.contains("就醫前請先向院所確認"), "{html}");
}
