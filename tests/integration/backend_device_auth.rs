//! Device authentication over real TLS: the phone path against the telecom registry, the
//! registration website and its device codes, device management, attempt limits.

use crate::support;
use nhi_core::domain::consent::APP_TERMS_VERSION;

use chrono::Duration;
use nhi_client::client::ClientError;
use nhi_core::api::{BindingProof, PhoneCheckRequest, ProblemCode};
use nhi_core::domain::Clock;
use support::site::*;
use support::*;

fn problem(result: Result<impl std::fmt::Debug, ClientError>) -> nhi_core::api::Problem {
    match result {
        Err(ClientError::Problem(p)) => p,
        other => panic!("expected a problem, got {other:?}"),
    }
}

fn check(id: &str, last4: &str, mobile: &str) -> PhoneCheckRequest {
    PhoneCheckRequest {
        id_number: id.into(),
        card_last4: last4.into(),
        mobile: mobile.into(),
        terms_version: Some(APP_TERMS_VERSION.into()),
    }
}

#[tokio::test]
async fn the_phone_path_binds_the_device_and_signs_in() {
    let t = TestBackend::spawn().await;
    let checked = t
        .client
        .phone_check(&check(ADULT_ID, ADULT_CARD_LAST4, ADULT_MOBILE))
        .await
        .unwrap();
    assert_eq!(checked.carrier, "中華電信");
    assert_eq!(checked.expires_at - t.clock.now(), Duration::minutes(10));
    let bound = t
        .client
        .bind(
            &device(1),
            BindingProof::Phone {
                ticket: checked.ticket.clone(),
                password: "NewPw@2026".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(bound.name, ADULT_NAME);
    let session = bound.session.expect("the phone path signs in");
    t.client.me(&session.token).await.unwrap();
    // The new password is the registration password from now on, on this device.
    t.login(ADULT_ID, "NewPw@2026", &device(1), &bound.device_key)
        .await
        .unwrap();
    // The ticket was one-time.
    let again = t
        .client
        .bind(
            &device(2),
            BindingProof::Phone {
                ticket: checked.ticket,
                password: "NewPw@2026".into(),
            },
        )
        .await;
    assert_eq!(problem(again).code, ProblemCode::TicketInvalid);
}

#[tokio::test]
async fn each_phone_path_refusal_has_its_own_code() {
    let t = TestBackend::spawn().await;
    let cases = [
        (
            check("F913579249", "9249", "0955666777"),
            ProblemCode::PrepaidNumber,
        ),
        (
            check(ADULT_ID, ADULT_CARD_LAST4, "0922333444"),
            ProblemCode::MobileOwnedByOther,
        ),
        (
            check(ADULT_ID, "0000", ADULT_MOBILE),
            ProblemCode::CardDigitsMismatch,
        ),
        (
            check(ADULT_ID, ADULT_CARD_LAST4, "0900000000"),
            ProblemCode::MobileNotFound,
        ),
        (
            check("A987654329", "1234", ADULT_MOBILE),
            ProblemCode::UnknownId,
        ),
        (
            check("B120034568", "4568", "0933111222"),
            ProblemCode::CardVoided,
        ),
    ];
    for (request, expected) in cases {
        let p = problem(t.client.phone_check(&request).await);
        assert_eq!(p.code, expected, "{request:?}");
        assert!(p.detail.is_some());
    }
    let p = problem(
        t.client
            .phone_check(&check("G123456789", "1234", ADULT_MOBILE))
            .await,
    );
    assert_eq!(p.code, ProblemCode::InvalidIdNumber);
}

#[tokio::test]
async fn wrong_card_digits_are_limited_per_id() {
    let t = TestBackend::spawn().await;
    for left in (1..=4).rev() {
        let p = problem(
            t.client
                .phone_check(&check(ADULT_ID, "0000", ADULT_MOBILE))
                .await,
        );
        assert_eq!(p.code, ProblemCode::CardDigitsMismatch);
        assert_eq!(p.attempts_left, Some(left));
    }
    let p = problem(
        t.client
            .phone_check(&check(ADULT_ID, "0000", ADULT_MOBILE))
            .await,
    );
    assert_eq!(p.code, ProblemCode::TooManyAttempts);
    assert_eq!(p.retry_after_seconds, Some(30 * 60));
    // Locked: even the right digits wait.
    let p = problem(
        t.client
            .phone_check(&check(ADULT_ID, ADULT_CARD_LAST4, ADULT_MOBILE))
            .await,
    );
    assert_eq!(p.code, ProblemCode::TooManyAttempts);
    t.clock.advance(Duration::minutes(30));
    t.client
        .phone_check(&check(ADULT_ID, ADULT_CARD_LAST4, ADULT_MOBILE))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_phone_ticket_expires_after_ten_minutes_and_the_password_rule_applies() {
    let t = TestBackend::spawn().await;
    let checked = t
        .client
        .phone_check(&check(ADULT_ID, ADULT_CARD_LAST4, ADULT_MOBILE))
        .await
        .unwrap();
    let weak = t
        .client
        .bind(
            &device(1),
            BindingProof::Phone {
                ticket: checked.ticket.clone(),
                password: "a b<c".into(),
            },
        )
        .await;
    assert_eq!(problem(weak).code, ProblemCode::InvalidPassword);
    t.clock.advance(Duration::minutes(10));
    let late = t
        .client
        .bind(
            &device(1),
            BindingProof::Phone {
                ticket: checked.ticket,
                password: ADULT_PASSWORD.into(),
            },
        )
        .await;
    assert_eq!(problem(late).code, ProblemCode::TicketInvalid);
}

#[tokio::test]
async fn only_a_bound_and_active_device_can_log_in() {
    let t = TestBackend::spawn().await;
    let p = problem(t.login_unbound(ADULT_ID, ADULT_PASSWORD).await);
    assert_eq!(p.code, ProblemCode::DeviceNotBound);

    let first = t.bind_adult(&device(1)).await;
    // A wrong key is no better than none.
    let p = problem(
        t.login(ADULT_ID, ADULT_PASSWORD, &device(1), "forged")
            .await,
    );
    assert_eq!(p.code, ProblemCode::DeviceNotBound);
    t.login(ADULT_ID, ADULT_PASSWORD, &device(1), &first.device_key)
        .await
        .unwrap();

    // Binding a second device makes it the active one; the first can no longer log in.
    let second = t.bind_adult(&device(2)).await;
    let p = problem(
        t.login(ADULT_ID, ADULT_PASSWORD, &device(1), &first.device_key)
            .await,
    );
    assert_eq!(p.code, ProblemCode::DeviceInactive);
    t.login(ADULT_ID, ADULT_PASSWORD, &device(2), &second.device_key)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_whole_code_path_register_confirm_produce_bind_login() {
    let t = TestBackend::spawn().await;
    let mut site = Site::new(&t);
    let (status, page) = site.apply_new_person().await;
    assert_eq!(status, 200);
    assert!(page.contains("chen@example.tw"), "{page}");
    // Not confirmed yet: no account, so no login.
    assert_eq!(site.log_in(NEW_ID, NEW_PASSWORD).await, 200);

    let (_, confirmed) = site.get(&site.confirmation_path().await).await;
    assert!(confirmed.contains("Registration complete"), "{confirmed}");
    assert_eq!(site.log_in(NEW_ID, NEW_PASSWORD).await, 303);

    let code = site.produce_code().await;
    let bound = t
        .client
        .bind(&device(5), BindingProof::DeviceCode { code: code.clone() })
        .await
        .unwrap();
    assert_eq!(bound.name, NEW_NAME);
    assert!(bound.session.is_none(), "the code path ends with a login");
    t.login(NEW_ID, NEW_PASSWORD, &device(5), &bound.device_key)
        .await
        .unwrap();

    // One-time.
    let p = problem(
        t.client
            .bind(&device(6), BindingProof::DeviceCode { code })
            .await,
    );
    assert_eq!(p.code, ProblemCode::CodeUsed);
}

#[tokio::test]
async fn the_website_refuses_wrong_card_data_and_double_registration() {
    let t = TestBackend::spawn().await;
    let mut site = Site::new(&t);
    let (_, page) = site
        .post(
            "/register/apply",
            &[
                ("method", "card"),
                ("card_number", "000099999999"),
                ("name", NEW_NAME),
                ("id_number", NEW_ID),
                ("birth_date", NEW_BIRTH),
                ("password", NEW_PASSWORD),
                ("password_confirm", "Other@2026"),
                ("mobile", "0966777888"),
                ("email", "chen@example.tw"),
            ],
        )
        .await;
    assert!(page.contains("The card data does not match"), "{page}");
    assert!(page.contains("The two passwords differ"));
    assert!(page.contains("value=\"陳志豪\""), "typed values stay");
    let (_, outbox) = site.get("/outbox").await;
    assert!(!outbox.contains("/register/confirm"), "nothing was sent");

    let (_, page) = site
        .post(
            "/register/apply",
            &[
                ("method", "card"),
                ("card_number", "000012345678"),
                ("name", ADULT_NAME),
                ("id_number", ADULT_ID),
                ("birth_date", "1981-01-01"),
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
                ("mobile", ADULT_MOBILE),
                ("email", "wang@example.tw"),
            ],
        )
        .await;
    assert!(page.contains("already registered"), "{page}");
}

#[tokio::test]
async fn an_unconfirmed_application_lapses_after_five_days() {
    let t = TestBackend::spawn().await;
    let mut site = Site::new(&t);
    site.apply_new_person().await;
    let link = site.confirmation_path().await;
    t.clock.advance(Duration::days(5));
    let (_, page) = site.get(&link).await;
    assert!(page.contains("Application lapsed"), "{page}");
    assert_eq!(
        site.log_in(NEW_ID, NEW_PASSWORD).await,
        200,
        "no account was made"
    );
}

async fn registered_site(t: &TestBackend) -> Site {
    let mut site = Site::new(t);
    site.apply_new_person().await;
    let link = site.confirmation_path().await;
    site.get(&link).await;
    assert_eq!(site.log_in(NEW_ID, NEW_PASSWORD).await, 303);
    site
}

#[tokio::test]
async fn device_codes_expire_after_ten_minutes_and_a_new_one_voids_the_old() {
    let t = TestBackend::spawn().await;
    let mut site = registered_site(&t).await;
    let old = site.produce_code().await;
    let new = site.produce_code().await;
    let p = problem(
        t.client
            .bind(&device(1), BindingProof::DeviceCode { code: old })
            .await,
    );
    assert_eq!(p.code, ProblemCode::CodeUsed);
    t.clock.advance(Duration::minutes(10));
    let p = problem(
        t.client
            .bind(&device(1), BindingProof::DeviceCode { code: new })
            .await,
    );
    assert_eq!(p.code, ProblemCode::CodeExpired);
}

#[tokio::test]
async fn typed_codes_are_case_sensitive_and_guessing_is_locked_out() {
    let t = TestBackend::spawn().await;
    let mut site = registered_site(&t).await;
    let code = site.produce_code().await;
    let swapped: String = code
        .chars()
        .map(|c| {
            if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect();
    // The problem device 1 gets for typing `code`.
    let typed = |code: String| {
        let t = &t;
        async move {
            problem(
                t.client
                    .bind(&device(1), BindingProof::DeviceCode { code })
                    .await,
            )
        }
    };
    let p = typed(swapped).await;
    assert_eq!(p.code, ProblemCode::CodeInvalid);
    assert_eq!(p.attempts_left, Some(4));
    for _ in 0..3 {
        assert_eq!(
            typed("ZZZZZZZZ".into()).await.code,
            ProblemCode::CodeInvalid
        );
    }
    assert_eq!(
        typed("ZZZZZZZZ".into()).await.code,
        ProblemCode::TooManyAttempts
    );
    // Locked out: even the right code has to wait.
    assert_eq!(typed(code.clone()).await.code, ProblemCode::TooManyAttempts);
    t.clock.advance(Duration::minutes(15));
    // The lock is over, and the code (valid 10 minutes) has expired in the meantime.
    assert_eq!(typed(code).await.code, ProblemCode::CodeExpired);
}

#[tokio::test]
async fn two_devices_racing_with_one_code_bind_exactly_once() {
    let t = TestBackend::spawn().await;
    let mut site = registered_site(&t).await;
    let code = site.produce_code().await;
    let attempts = (0..8).map(|n| {
        let client = t.client.clone();
        let code = code.clone();
        async move {
            client
                .bind(&device(10 + n), BindingProof::DeviceCode { code })
                .await
        }
    });
    let results = futures_join_all(attempts).await;
    let wins = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(wins, 1, "{results:?}");
}

/// Runs the futures at the same time, each on its own task, and collects their results.
async fn futures_join_all<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

#[tokio::test]
async fn device_management_switches_the_active_device() {
    let t = TestBackend::spawn().await;
    let mut site = registered_site(&t).await;
    let code = site.produce_code().await;
    let a = t
        .client
        .bind(&device(1), BindingProof::DeviceCode { code })
        .await
        .unwrap();
    let code = site.produce_code().await;
    let b = t
        .client
        .bind(&device(2), BindingProof::DeviceCode { code })
        .await
        .unwrap();

    let (_, page) = site.get("/register/devices").await;
    assert!(
        page.contains("Test device 1") && page.contains("Test device 2"),
        "{page}"
    );
    assert_eq!(page.matches(">Active</strong>").count(), 1);

    let p = problem(
        t.login(NEW_ID, NEW_PASSWORD, &device(1), &a.device_key)
            .await,
    );
    assert_eq!(p.code, ProblemCode::DeviceInactive);
    let (status, _) = site
        .post(
            "/register/devices/activate",
            &[("device_id", &device(1).device_id)],
        )
        .await;
    assert_eq!(status, 303);
    t.login(NEW_ID, NEW_PASSWORD, &device(1), &a.device_key)
        .await
        .unwrap();
    let p = problem(
        t.login(NEW_ID, NEW_PASSWORD, &device(2), &b.device_key)
            .await,
    );
    assert_eq!(p.code, ProblemCode::DeviceInactive);

    // Each binding and the switch were told to the registered address, with the device: the
    // bindings in the app's language (zh-TW, the API's default), the switch in the website's.
    let (_, outbox) = site.get("/outbox").await;
    for device in ["Test device 1", "Test device 2"] {
        // zh-TW reads the ROC calendar (the test clock's 2026-11-23 is 民國115年).
        let bound = format!("裝置「{device}」已於 民國115年11月23日 ");
        assert_eq!(outbox.matches(&bound).count(), 1, "{outbox}");
    }
    assert_eq!(outbox.matches("your active device changed").count(), 1);
    assert!(
        outbox.contains("Test device 1&#34; was made the active one"),
        "{outbox}"
    );
}

#[tokio::test]
async fn website_pages_need_a_website_login() {
    let t = TestBackend::spawn().await;
    let site = Site::new(&t);
    for path in ["/register/device-code", "/register/devices"] {
        let (status, _) = site.get(path).await;
        assert_eq!(status, 303, "{path} sends strangers to the login page");
    }
}

/// A QR code as a PNG screenshot would show it (8 px a module, white quiet zone).
fn qr_png(text: &str) -> Vec<u8> {
    use image::{GrayImage, Luma};
    let code = qrcode::QrCode::new(text.as_bytes()).unwrap();
    let modules = code.width() as u32;
    let colors = code.to_colors();
    let side = (modules + 8) * 8;
    let img = GrayImage::from_fn(side, side, |x, y| {
        let (mx, my) = (x / 8, y / 8);
        let inside = (4..modules + 4).contains(&mx) && (4..modules + 4).contains(&my);
        let dark =
            inside && colors[((my - 4) * modules + (mx - 4)) as usize] == qrcode::Color::Dark;
        Luma([if dark { 20 } else { 235 }])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[tokio::test]
async fn the_qr_scanner_reads_screenshots_and_refuses_what_is_not_one() {
    let t = TestBackend::spawn().await;
    let texts = t
        .client
        .scan_qr(qr_png("NHIEXPRESS:DEVICE-CODE:1:E9jk3m4F"))
        .await
        .unwrap();
    assert_eq!(texts, ["NHIEXPRESS:DEVICE-CODE:1:E9jk3m4F"]);

    let p = problem(t.client.scan_qr(b"%PDF-1.7 not an image".to_vec()).await);
    assert_eq!(p.code, ProblemCode::BadImage);
    let png = qr_png("hello");
    let p = problem(t.client.scan_qr(png[..png.len() / 3].to_vec()).await);
    assert_eq!(
        p.code,
        ProblemCode::BadImage,
        "a truncated image is refused, not crashed on"
    );
    let blank = {
        let mut out = std::io::Cursor::new(Vec::new());
        image::GrayImage::from_pixel(640, 480, image::Luma([255]))
            .write_to(&mut out, image::ImageFormat::Png)
            .unwrap();
        out.into_inner()
    };
    let p = problem(t.client.scan_qr(blank).await);
    assert_eq!(p.code, ProblemCode::QrUnreadable);
    let p = problem(t.client.scan_qr(vec![0u8; 16 * 1024 * 1024]).await);
    assert_eq!(
        p.code,
        ProblemCode::BadImage,
        "oversized uploads are refused"
    );
    // The server is still there.
    assert!(t.client.scan_qr(qr_png("still here")).await.is_ok());
}

#[tokio::test]
async fn the_phone_path_needs_the_current_terms_and_records_the_agreement() {
    let t = TestBackend::spawn().await;
    let agreed = |version: Option<&str>| PhoneCheckRequest {
        terms_version: version.map(str::to_owned),
        ..check(ADULT_ID, ADULT_CARD_LAST4, ADULT_MOBILE)
    };
    // Refused before anything is compared: ten refusals cost no try at the card digits.
    for version in [None, Some("2020-01-01")].into_iter().cycle().take(10) {
        let refused = t.client.phone_check(&agreed(version)).await.unwrap_err();
        assert_eq!(refused.code(), Some(ProblemCode::TermsNotAccepted));
    }
    let sql = "SELECT version FROM consents WHERE id_number = $1 AND document = 'app-terms'";
    assert!(support::db::texts(&t, sql, ADULT_ID).await.is_empty());
    t.client
        .phone_check(&agreed(Some(APP_TERMS_VERSION)))
        .await
        .expect("the carrier confirms");
    assert_eq!(
        support::db::texts(&t, sql, ADULT_ID).await,
        vec![APP_TERMS_VERSION.to_owned()]
    );
}

#[tokio::test]
async fn registering_needs_the_rules_read_and_records_it() {
    let t = TestBackend::spawn().await;
    let mut site = Site::new(&t);
    let (status, page) = site.apply(&[("rules_read", "")]).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("I have read and understood the rules"),
        "{page}"
    );
    assert!(page.contains("Please read the rules"), "{page}");
    assert!(page.contains("chen@example.tw"), "nothing typed is lost");
    let (_, outbox) = site.get("/outbox").await;
    assert!(!outbox.contains("/register/confirm"), "nothing was sent");
    let sql =
        "SELECT version FROM consents WHERE id_number = $1 AND document = 'registration-rules'";
    assert!(support::db::texts(&t, sql, NEW_ID).await.is_empty());
    site.apply_new_person().await;
    assert_eq!(
        support::db::texts(&t, sql, NEW_ID).await,
        vec![nhi_core::domain::consent::REGISTRATION_RULES_VERSION.to_owned()]
    );
}

#[tokio::test]
async fn the_local_phone_is_optional_and_checked_when_given() {
    let t = TestBackend::spawn().await;
    let (_, page) = Site::new(&t).apply(&[("local_phone", "call me")]).await;
    assert!(page.contains("The local phone is an area code"), "{page}");
    let sql = "SELECT local_phone FROM registration_applications WHERE id_number = $1";
    assert!(support::db::texts(&t, sql, NEW_ID).await.is_empty());
    let (_, page) = Site::new(&t)
        .apply(&[("local_phone", "(04)2259-3456#12")])
        .await;
    assert!(page.contains("Confirm your e-mail"), "{page}");
    assert_eq!(
        support::db::texts(&t, sql, NEW_ID).await,
        vec!["(04)2259-3456#12".to_owned()]
    );
}
