//! 帳號資料異動 on the registration website: a new e-mail takes effect only once it confirms
//! its link (the old address is told at once), a new mobile passes the telecom check, the
//! local phone changes, and every change is listed.

use crate::support;

use chrono::Duration;
use support::site::*;
use support::*;

/// Registered, confirmed and signed in on the website.
async fn signed_in(t: &TestBackend) -> Site {
    let mut site = Site::new(t);
    site.apply_new_person().await;
    site.get(&site.confirmation_path().await).await;
    assert_eq!(site.log_in(NEW_ID, NEW_PASSWORD).await, 303);
    site
}

fn link_in(outbox: &str) -> Option<String> {
    let start = outbox.find("/register/account/confirm-email?token=")?;
    let rest = &outbox[start..];
    Some(rest[..rest.find(['"', '<', '\n']).unwrap()].to_owned())
}

#[tokio::test]
async fn a_new_email_takes_effect_only_after_its_link_and_the_old_one_is_told() {
    let t = TestBackend::spawn().await;
    let mut site = signed_in(&t).await;
    let (_, page) = site.get("/register/account").await;
    assert!(page.contains("chen@example.tw"), "{page}");

    let (status, _) = site
        .post("/register/account/email", &[("email", "zhihao@example.tw")])
        .await;
    assert_eq!(status, 303);
    let (_, page) = site.get("/register/account?said=email").await;
    assert!(
        page.contains("A link was sent to the new address"),
        "{page}"
    );
    assert!(
        page.contains("Not confirmed"),
        "the history lists it: {page}"
    );
    // Not yet in effect: mail still goes to the old address.
    let (_, outbox) = site.get("/outbox").await;
    assert!(outbox.contains("a change of your e-mail address was asked for"));
    let link = link_in(&outbox).expect("a link to the new address");

    let (_, page) = site.get(&link).await;
    assert!(page.contains("Your e-mail address was changed"), "{page}");
    let (_, page) = site.get(&link).await;
    assert!(page.contains("This link no longer works"), "once: {page}");
    let (_, page) = site.get("/register/account").await;
    assert!(page.contains("zhihao@example.tw"), "{page}");
    assert!(page.contains("In effect since"), "{page}");

    // The account's mail now goes to the new address: a forgotten password's link, say.
    let form = [
        ("method", "card"),
        ("card_number", NEW_CARD),
        ("name", NEW_NAME),
        ("id_number", NEW_ID),
        ("birth_date", NEW_BIRTH),
    ];
    Site::new(&t).post("/register/forgot", &form).await;
    let (_, outbox) = site.get("/outbox").await;
    // The newest mail comes first: the reset link, to the new address.
    let newest = outbox.split("<article").nth(1).unwrap();
    assert!(newest.contains("set a new password"), "{newest}");
    assert!(newest.contains("zhihao@example.tw"), "{newest}");
}

#[tokio::test]
async fn an_email_link_lasts_a_day_and_a_newer_one_replaces_it() {
    let t = TestBackend::spawn().await;
    let mut site = signed_in(&t).await;
    site.post("/register/account/email", &[("email", "one@example.tw")])
        .await;
    let first = link_in(&site.get("/outbox").await.1).unwrap();
    site.post("/register/account/email", &[("email", "two@example.tw")])
        .await;
    let second = link_in(&site.get("/outbox").await.1).unwrap();
    assert_ne!(first, second);
    assert!(site
        .get(&first)
        .await
        .1
        .contains("This link no longer works"));
    t.clock.advance(Duration::hours(24));
    assert!(site
        .get(&second)
        .await
        .1
        .contains("This link no longer works"));
    // (A day later the website's sign-in has ended too.)
    assert_eq!(site.log_in(NEW_ID, NEW_PASSWORD).await, 303);
    let (_, page) = site.get("/register/account").await;
    assert!(page.contains("chen@example.tw"), "unchanged: {page}");
    // A malformed address changes nothing.
    let (_, page) = site
        .post("/register/account/email", &[("email", "not-an-address")])
        .await;
    assert!(page.contains("role=\"alert\""), "{page}");
}

#[tokio::test]
async fn a_new_mobile_passes_the_telecom_check_and_the_local_phone_changes() {
    let t = TestBackend::spawn().await;
    let mut site = signed_in(&t).await;
    // Someone else's number, then a prepaid one (the demo caregiver's, not his either).
    let (_, page) = site
        .post("/register/account/mobile", &[("mobile", ADULT_MOBILE)])
        .await;
    assert!(page.contains("not in your name"), "{page}");
    let (_, page) = site
        .post("/register/account/mobile", &[("mobile", "0900000000")])
        .await;
    assert!(page.contains("No Taiwanese carrier"), "{page}");
    let (_, page) = site
        .post(
            "/register/account/local-phone",
            &[("local_phone", "02-2706-5866")],
        )
        .await;
    assert_eq!(page, "", "a redirect");
    let (_, page) = site.get("/register/account").await;
    assert!(page.contains("02-2706-5866"), "{page}");
    assert!(page.contains("— → 02-2706-5866"), "the history: {page}");
    // His own monthly number stays the same number: the check passes.
    let (status, _) = site
        .post("/register/account/mobile", &[("mobile", "0966777888")])
        .await;
    assert_eq!(status, 303);
    // Signed out, the page is not there.
    assert_eq!(Site::new(&t).get("/register/account").await.0, 303);
}

#[tokio::test]
async fn three_new_address_links_an_hour_at_most() {
    let t = TestBackend::spawn().await;
    let mut site = signed_in(&t).await;
    for n in 0..3 {
        let email = format!("new{n}@example.tw");
        let (status, _) = site
            .post("/register/account/email", &[("email", &email)])
            .await;
        assert_eq!(status, 303);
    }
    let (status, page) = site
        .post(
            "/register/account/email",
            &[("email", "stranger@example.tw")],
        )
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Sent again too often"), "{page}");
    let (_, outbox) = site.get("/outbox").await;
    assert!(
        !outbox.contains("stranger@example.tw"),
        "nothing went to the fourth"
    );
}

/// The demo caregiver who registers on the website: her own number is prepaid.
const CAREGIVER: [(&str, &str); 5] = [
    ("card_number", "000024681358"),
    ("name", "DEWI LESTARI"),
    ("id_number", "F924681358"),
    ("birth_date", "1995-05-20"),
    ("mobile", "0977246813"),
];

#[tokio::test]
async fn a_prepaid_number_in_her_own_name_is_refused_and_nothing_changes() {
    let t = TestBackend::spawn().await;
    let mut site = Site::new(&t);
    let (status, _) = site.apply(&CAREGIVER).await;
    assert_eq!(status, 200);
    site.get(&site.confirmation_path().await).await;
    assert_eq!(site.log_in("F924681358", NEW_PASSWORD).await, 303);
    let (status, page) = site
        .post("/register/account/mobile", &[("mobile", "0977246813")])
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Prepaid numbers cannot be used"), "{page}");
    assert!(!page.contains("→ 0977246813"), "no change recorded: {page}");
}

#[tokio::test]
async fn sixty_four_new_mobiles_at_once_check_at_most_five() {
    let t = TestBackend::spawn().await;
    let site = signed_in(&t).await;
    let cookie = site.cookie().unwrap().to_owned();
    // Each from its own address, with the one session: the limit is the ID's.
    let tries = (0..64u8).map(|n| {
        let mut other = Site::from_address(&t, [127, 0, 3, n + 1].into());
        other.set_cookie(&cookie);
        let mobile = format!("09000000{n:02}");
        async move {
            other
                .post("/register/account/mobile", &[("mobile", &mobile)])
                .await
                .1
        }
    });
    let pages = futures_util::future::join_all(tries).await;
    let checked = pages
        .iter()
        .filter(|p| p.contains("No Taiwanese carrier"))
        .count();
    assert!(checked <= 5, "{checked} of 64 checked");
    assert!(pages.iter().any(|p| p.contains("Too many failed checks")));
    // Locked: his own monthly number waits too, and nothing changed.
    let mut site = site;
    let (status, page) = site
        .post("/register/account/mobile", &[("mobile", "0966777888")])
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Too many failed checks"), "{page}");
}
