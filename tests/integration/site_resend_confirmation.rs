//! 重寄確認信 on the registration website: a new link for an application still waiting for
//! its e-mail, the old link dead, three an hour, and one answer for every ID.

use crate::support;

use chrono::Duration;
use support::site::*;
use support::*;

async fn resend(site: &mut Site, id: &str, email: &str) -> String {
    let (status, page) = site
        .post("/register/resend", &[("id_number", id), ("email", email)])
        .await;
    assert_eq!(status, 200);
    page
}

async fn confirmation_mails(site: &Site) -> usize {
    site.get("/outbox")
        .await
        .1
        .matches("Registration: confirm your e-mail")
        .count()
}

#[tokio::test]
async fn a_new_link_replaces_the_old_one() {
    let t = TestBackend::spawn().await;
    let mut site = Site::new(&t);
    site.apply_new_person().await;
    let old = site.confirmation_path().await;
    let (_, login_page) = site.get("/register/login").await;
    assert!(
        login_page.contains("/register/resend"),
        "the login page offers it"
    );

    // Any case of the address applied with.
    let page = resend(&mut site, NEW_ID, "Chen@Example.TW").await;
    assert!(page.contains("a new link was sent"), "{page}");
    let new = site.confirmation_path().await;
    assert_ne!(old, new);
    let (_, page) = site.get(&old).await;
    assert!(page.contains("Invalid link"), "the old link died: {page}");
    let (_, page) = site.get(&new).await;
    assert!(page.contains("Registration complete"), "{page}");
    assert_eq!(site.log_in(NEW_ID, NEW_PASSWORD).await, 303);
}

#[tokio::test]
async fn the_answer_is_the_same_whoever_asks_and_only_a_waiting_application_gets_mail() {
    let t = TestBackend::spawn().await;
    let mut site = Site::new(&t);
    site.apply_new_person().await;
    let sent = resend(&mut site, NEW_ID, "chen@example.tw").await;
    assert_eq!(confirmation_mails(&site).await, 2);
    // Another address, a registered person without an application, a made-up ID.
    for (id, email) in [
        (NEW_ID, "someone@example.tw"),
        (ADULT_ID, "chen@example.tw"),
        ("A123456789", "chen@example.tw"),
    ] {
        let page = resend(&mut Site::new(&t), id, email).await;
        assert_eq!(page, sent, "{id} {email}");
    }
    assert_eq!(confirmation_mails(&site).await, 2, "nothing else was sent");
    // Lapsed after 5 days: nothing is sent either.
    t.clock.advance(Duration::days(5));
    let page = resend(&mut site, NEW_ID, "chen@example.tw").await;
    assert_eq!(page, sent);
    assert_eq!(confirmation_mails(&site).await, 2);
    // A malformed ID is told as such.
    let page = resend(&mut site, "A12345678", "chen@example.tw").await;
    assert!(page.contains("ID number"), "{page}");
}

#[tokio::test]
async fn three_an_hour_per_id() {
    let t = TestBackend::spawn().await;
    let mut site = Site::new(&t);
    site.apply_new_person().await;
    // 64 at once from many addresses: three are sent.
    let tries = (0..64u8).map(|n| {
        let mut site = Site::from_address(&t, [127, 0, 1, n].into());
        async move { resend(&mut site, NEW_ID, "chen@example.tw").await }
    });
    let pages = futures_util::future::join_all(tries).await;
    let refused = pages
        .iter()
        .filter(|p| p.contains("Sent again too often"))
        .count();
    assert_eq!(refused, 61, "three of 64 went through");
    assert_eq!(confirmation_mails(&site).await, 1 + 3);
    t.clock.advance(Duration::minutes(61));
    let page = resend(&mut site, NEW_ID, "chen@example.tw").await;
    assert!(
        page.contains("a new link was sent"),
        "an hour later: {page}"
    );
}
