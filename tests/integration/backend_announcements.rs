//! 重要資訊 over real TLS: public, newest first, published and taken down in the console by
//! signed-in staff only, with the lengths bounded.

use crate::support;

use support::*;

use support::site::reviewer_console as console;

#[tokio::test]
async fn staff_publish_and_take_down_what_everyone_reads() {
    let t = TestBackend::spawn().await;
    let seeded = t.client.announcements().await.unwrap();
    assert_eq!(seeded.len(), 2, "{seeded:?}");

    // Not signed in: no publishing.
    let mut stranger = support::site::Site::new(&t);
    let (status, _) = stranger
        .post(
            "/review/announcements",
            &[("title", "假消息"), ("body", "x")],
        )
        .await;
    assert_eq!(status, 303, "to the login page");

    let mut staff = console(&t).await;
    let long = "長".repeat(61);
    let (status, page) = staff
        .post(
            "/review/announcements",
            &[("title", &long), ("body", "內容")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("60"), "{page}");
    assert!(page.contains(&long), "what was typed is kept");
    let (status, _) = staff
        .post("/review/announcements", &[("title", " "), ("body", "內容")])
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        t.client.announcements().await.unwrap().len(),
        2,
        "nothing published"
    );

    t.clock.advance(chrono::Duration::minutes(1));
    let (status, _) = staff
        .post(
            "/review/announcements",
            &[
                ("title", "系統維護"),
                ("body", "12 月 20 日 02:00 至 04:00 暫停服務。"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let list = t.client.announcements().await.unwrap();
    assert_eq!(list[0].title, "系統維護", "newest first");

    let (status, _) = staff
        .post(
            &format!("/review/announcements/{}/withdrawal", list[0].id),
            &[],
        )
        .await;
    assert_eq!(status, 303);
    let list = t.client.announcements().await.unwrap();
    assert!(list.iter().all(|a| a.title != "系統維護"), "{list:?}");
    let (status, _) = staff
        .post("/review/announcements/999999/withdrawal", &[])
        .await;
    assert_eq!(status, 404);
}
