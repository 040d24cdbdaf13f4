//! 忘記註冊密碼 on the registration website: prove who you are with the card reader or the
//! citizen certificate, get a one-time link at the confirmed e-mail address, set a new
//! password; every session of the ID ends and a notice mail follows. The page never tells
//! whether an ID is registered.

use crate::support;

use chrono::Duration;
use support::site::*;
use support::*;

const NEW_CERTIFICATE: &str = "J3FKIY39UYE0BA5A";
const RESET_PASSWORD: &str = "Reset@2027";

/// The forgot-password form as the registered new person fills it in with the NHI card.
pub(crate) fn forgot_form(
    changes: &[(&'static str, &'static str)],
) -> Vec<(&'static str, &'static str)> {
    let mut form = vec![
        ("method", "card"),
        ("card_number", NEW_CARD),
        ("name", NEW_NAME),
        ("id_number", NEW_ID),
        ("birth_date", NEW_BIRTH),
    ];
    for (key, value) in changes {
        match form.iter_mut().find(|(k, _)| k == key) {
            Some(field) => field.1 = value,
            None => form.push((key, value)),
        }
    }
    form
}

/// Registers the new person on the website and confirms the e-mail.
pub(crate) async fn registered(t: &TestBackend) -> Site {
    let mut site = Site::new(t);
    site.apply_new_person().await;
    let (_, page) = site.get(&site.confirmation_path().await).await;
    assert!(page.contains("Registration complete"), "{page}");
    site
}

/// The newest reset link in the outbox, as a path; `None` when there is none.
pub(crate) async fn reset_path(site: &Site) -> Option<String> {
    let (_, html) = site.get("/outbox").await;
    let start = html.find("/register/reset?token=")?;
    let rest = &html[start..];
    Some(rest[..rest.find(['"', '<', '\n']).unwrap()].to_owned())
}

async fn count_in_outbox(site: &Site, needle: &str) -> usize {
    site.get("/outbox").await.1.matches(needle).count()
}

fn new_password(token_path: &str) -> Vec<(&'static str, String)> {
    let token = token_path.split("token=").nth(1).unwrap().to_owned();
    vec![
        ("token", token),
        ("password", RESET_PASSWORD.into()),
        ("password_confirm", RESET_PASSWORD.into()),
    ]
}

pub(crate) async fn set_password(site: &mut Site, path: &str) -> (u16, String) {
    let form = new_password(path);
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    site.post("/register/reset", &fields).await
}

#[tokio::test]
async fn the_card_reader_gets_a_link_that_sets_a_new_password_once_and_signs_everyone_out() {
    let t = TestBackend::spawn().await;
    let mut site = registered(&t).await;
    assert_eq!(site.log_in(NEW_ID, NEW_PASSWORD).await, 303);
    let signed_in_cookie = site.cookie().unwrap().to_owned();

    let (_, login_page) = Site::new(&t).get("/register/login").await;
    assert!(
        login_page.contains("/register/forgot"),
        "the login page offers it"
    );
    let mut browser = Site::new(&t);
    let (status, page) = browser.post("/register/forgot", &forgot_form(&[])).await;
    assert_eq!(status, 200);
    assert!(page.contains("Check your e-mail"), "{page}");
    let path = reset_path(&browser).await.expect("a link was mailed");
    let (_, outbox) = browser.get("/outbox").await;
    assert!(
        outbox.contains("chen@example.tw"),
        "to the confirmed address"
    );

    let (_, form) = browser.get(&path).await;
    assert!(
        form.contains("Choose a new registration password"),
        "{form}"
    );
    // A password the rules refuse changes nothing and keeps the link alive.
    let token = path.split("token=").nth(1).unwrap();
    let (_, page) = browser
        .post(
            "/register/reset",
            &[
                ("token", token),
                ("password", "short"),
                ("password_confirm", "short"),
            ],
        )
        .await;
    assert!(page.contains("not allowed"), "{page}");
    let (_, page) = set_password(&mut browser, &path).await;
    assert!(page.contains("Your new password is set"), "{page}");

    // Once only.
    let (_, page) = set_password(&mut browser, &path).await;
    assert!(page.contains("This link no longer works"), "{page}");
    let (_, page) = browser.get(&path).await;
    assert!(page.contains("This link no longer works"), "{page}");

    // The old password is gone, the new one works, the old session ended.
    assert_eq!(Site::new(&t).log_in(NEW_ID, NEW_PASSWORD).await, 200);
    assert_eq!(Site::new(&t).log_in(NEW_ID, RESET_PASSWORD).await, 303);
    let mut old = Site::new(&t);
    old.set_cookie(&signed_in_cookie);
    assert_eq!(old.get("/register/devices").await.0, 303, "signed out");
    // The notice mail.
    assert_eq!(
        count_in_outbox(&browser, "your password was changed").await,
        1
    );
}

#[tokio::test]
async fn the_certificate_proves_it_too_and_a_link_dies_after_thirty_minutes_or_a_newer_one() {
    let t = TestBackend::spawn().await;
    let mut browser = registered(&t).await;
    let by_certificate = forgot_form(&[
        ("method", "certificate"),
        ("certificate_serial", NEW_CERTIFICATE),
    ]);
    browser.post("/register/forgot", &by_certificate).await;
    let first = reset_path(&browser).await.expect("a link");
    browser.post("/register/forgot", &forgot_form(&[])).await;
    let second = reset_path(&browser).await.expect("a newer link");
    assert_ne!(first, second);
    let (_, page) = set_password(&mut browser, &first).await;
    assert!(
        page.contains("This link no longer works"),
        "the older one died: {page}"
    );

    t.clock.advance(Duration::minutes(30));
    let (_, page) = set_password(&mut browser, &second).await;
    assert!(
        page.contains("This link no longer works"),
        "expired: {page}"
    );
    assert_eq!(
        Site::new(&t).log_in(NEW_ID, NEW_PASSWORD).await,
        303,
        "unchanged"
    );
}

#[tokio::test]
async fn registered_and_unregistered_ids_get_the_same_answer() {
    let t = TestBackend::spawn().await;
    // The new person has no account yet: the reader matches, the answer is the same as for a
    // registered one, and nothing is sent.
    let mut browser = Site::new(&t);
    let (status, unregistered) = browser.post("/register/forgot", &forgot_form(&[])).await;
    assert_eq!(status, 200);
    assert_eq!(reset_path(&browser).await, None, "nothing sent");
    let mut browser = registered(&t).await;
    let (_, registered_answer) = browser.post("/register/forgot", &forgot_form(&[])).await;
    assert!(reset_path(&browser).await.is_some());
    assert_eq!(unregistered, registered_answer);
}

#[tokio::test]
async fn wrong_card_data_are_refused_and_the_reader_locks_after_five() {
    let t = TestBackend::spawn().await;
    let browser = registered(&t).await;
    let wrong_birth = forgot_form(&[("birth_date", "1988-04-13")]);
    // 64 at once: the one attempt limiter checks at most its five.
    let tries = (0..64).map(|_| {
        let mut site = Site::new(&t);
        let form = wrong_birth.clone();
        async move { site.post("/register/forgot", &form).await.1 }
    });
    let pages = futures_util::future::join_all(tries).await;
    let checked = pages
        .iter()
        .filter(|p| p.contains("does not match"))
        .count();
    assert!(checked <= 5, "{checked} checks of 64");
    assert!(pages.iter().any(|p| p.contains("Too many failed checks")));
    // Now even the right data wait out the lock, and nothing was ever sent.
    let mut site = Site::new(&t);
    let (_, page) = site.post("/register/forgot", &forgot_form(&[])).await;
    assert!(page.contains("Too many failed checks"), "{page}");
    assert_eq!(reset_path(&browser).await, None);
}

#[tokio::test]
async fn three_links_an_hour_at_most() {
    let t = TestBackend::spawn().await;
    let mut browser = registered(&t).await;
    for _ in 0..3 {
        let (_, page) = browser.post("/register/forgot", &forgot_form(&[])).await;
        assert!(page.contains("Check your e-mail"), "{page}");
    }
    let (_, page) = browser.post("/register/forgot", &forgot_form(&[])).await;
    assert!(page.contains("Links were asked for too often"), "{page}");
    assert_eq!(count_in_outbox(&browser, "set a new password").await, 3);
}

/// The demo adult's card reader data: his account was made by phone, so it has no e-mail.
fn adult_form() -> Vec<(&'static str, &'static str)> {
    forgot_form(&[
        ("card_number", "000012345678"),
        ("name", ADULT_NAME),
        ("id_number", ADULT_ID),
        ("birth_date", "1981-01-01"),
    ])
}

/// The newest text message's 6-digit code, if any.
async fn sms_code(site: &Site) -> Option<String> {
    let (_, html) = site.get("/outbox").await;
    let start = html
        .find("the code to set a new password is ")
        .or_else(|| html.find("your code to set a new password is "))?;
    let rest = &html[start..];
    let digits: String = rest
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take(6)
        .collect();
    Some(digits)
}

#[tokio::test]
async fn an_account_without_an_email_gets_an_sms_code_that_opens_the_new_password_page() {
    let t = TestBackend::spawn().await;
    let mut browser = Site::new(&t);
    let (_, page) = browser.post("/register/forgot", &adult_form()).await;
    assert!(
        page.contains("Check your e-mail"),
        "the same answer: {page}"
    );
    assert_eq!(reset_path(&browser).await, None, "no mail: no address");
    let code = sms_code(&browser).await.expect("a text message");
    let (_, outbox) = browser.get("/outbox").await;
    assert!(outbox.contains(ADULT_MOBILE), "to his monthly number");

    let wrong = if code == "000000" { "111111" } else { "000000" };
    let (_, page) = browser
        .post(
            "/register/reset/code",
            &[("id_number", ADULT_ID), ("code", wrong)],
        )
        .await;
    assert!(page.contains("This code is wrong"), "{page}");
    assert!(page.contains("4 tries left"), "{page}");
    let (status, _) = browser
        .post(
            "/register/reset/code",
            &[("id_number", ADULT_ID), ("code", &code)],
        )
        .await;
    assert_eq!(status, 303, "on to the new password");
    // Once only.
    let (_, page) = browser
        .post(
            "/register/reset/code",
            &[("id_number", ADULT_ID), ("code", &code)],
        )
        .await;
    assert!(page.contains("This code is wrong"), "{page}");
}

#[tokio::test]
async fn the_code_sets_the_password_and_ends_the_apps_sign_in() {
    let t = TestBackend::spawn().await;
    let app = t.signed_in_adult().await.token;
    let mut browser = Site::new(&t);
    browser.post("/register/forgot", &adult_form()).await;
    let code = sms_code(&browser).await.unwrap();
    let location = t
        .raw_http()
        .post(format!("{}/register/reset/code", t.backend.base_url()))
        .header("origin", t.backend.base_url())
        .form(&[("id_number", ADULT_ID), ("code", code.as_str())])
        .send()
        .await
        .unwrap()
        .headers()["location"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(location.starts_with("/register/reset?token="), "{location}");
    let (_, page) = set_password(&mut browser, &location).await;
    assert!(page.contains("Your new password is set"), "{page}");
    assert!(t.client.me(&app).await.is_err(), "the app's sign-in ended");
    assert_eq!(Site::new(&t).log_in(ADULT_ID, RESET_PASSWORD).await, 303);
}

#[tokio::test]
async fn sixty_four_guesses_at_an_sms_code_check_at_most_five() {
    let t = TestBackend::spawn().await;
    let browser = Site::new(&t);
    Site::new(&t).post("/register/forgot", &adult_form()).await;
    let code = sms_code(&browser).await.unwrap();
    let guesses = (0..64u32).map(|n| {
        let mut site = Site::from_address(&t, [127, 0, 2, (n % 250) as u8].into());
        let guess = format!("{:06}", (code.parse::<u32>().unwrap() + 1 + n) % 1_000_000);
        async move {
            site.post(
                "/register/reset/code",
                &[("id_number", ADULT_ID), ("code", &guess)],
            )
            .await
            .1
        }
    });
    let pages = futures_util::future::join_all(guesses).await;
    let checked = pages
        .iter()
        .filter(|p| p.contains("This code is wrong"))
        .count();
    assert!(checked <= 5, "{checked} of 64 checked");
    // Locked: the right code waits too.
    let (_, page) = Site::new(&t)
        .post(
            "/register/reset/code",
            &[("id_number", ADULT_ID), ("code", &code)],
        )
        .await;
    assert!(page.contains("Too many failed checks"), "{page}");
}
