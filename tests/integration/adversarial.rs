//! The system as an attacker tries it, against the real TLS backend on a loopback port: forged
//! sessions, concurrent bursts of guesses, hostile images, slow connections, crafted
//! requests. Each test states its figure as a count, never as a time.
//!
//! The tests run one at a time (they measure the process's memory and hold many sockets).

use crate::support;
use nhi_core::domain::consent::APP_TERMS_VERSION;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use base64::Engine;
use chrono::Duration;
use futures_util::future::join_all;
use nhi_backend::{RunningBackend, Settings};
use nhi_client::client::ClientError;
use nhi_core::api::{
    paths, BindingProof, CardState, PhoneCheckRequest, Problem, ProblemCode, Verification,
};
use nhi_core::domain::{Clock, ManualClock};
use support::clinic::{Clinic, CLINIC};
use support::images::{bomb_png, jpeg, portrait, with_location_metadata, GPS_MARKER};
use support::site::Site;
use support::*;
use tokio::sync::Mutex;

/// One test at a time: the memory figures are the backend's alone, and socket counts are not
/// shared with another test.
static ONE_AT_A_TIME: Mutex<()> = Mutex::const_new(());

const BURST: usize = 64;

fn url(t: &TestBackend, path: &str) -> String {
    format!("{}{path}", t.backend.base_url())
}

fn api(t: &TestBackend, path: &str) -> String {
    format!("{}/api/v1{path}", t.backend.base_url())
}

fn problem_of(result: Result<impl std::fmt::Debug, ClientError>) -> Problem {
    match result {
        Err(ClientError::Problem(p)) => p,
        other => panic!("expected a problem, got {other:?}"),
    }
}

fn count<T>(items: &[T], wanted: impl Fn(&T) -> bool) -> usize {
    items.iter().filter(|i| wanted(i)).count()
}

/// The answers to a burst against a limit of `limit` tries: `limit` were checked — all but
/// the last answered `wrong`, the last locked the subject — and the rest were refused unseen
/// with `locked`.
fn assert_checked_at_most<T: std::fmt::Debug>(
    answers: Vec<Result<T, ClientError>>,
    limit: usize,
    wrong: ProblemCode,
    locked: ProblemCode,
) {
    let codes: Vec<ProblemCode> = answers.into_iter().map(|a| problem_of(a).code).collect();
    let codes = &codes;
    assert_eq!(count(codes, |c| *c == wrong), limit - 1, "{codes:?}");
    assert_eq!(
        count(codes, |c| *c == locked),
        codes.len() - (limit - 1),
        "{codes:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Sessions: kinds are separate, and end when the person's credentials change.

#[tokio::test]
async fn a_website_session_never_opens_the_api_and_an_api_token_never_opens_the_website() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let mut site = Site::new(&t);
    assert_eq!(site.log_in(ADULT_ID, ADULT_PASSWORD).await, 303);
    let cookie = site
        .cookie()
        .expect("the website set its session")
        .to_owned();
    let website_token = cookie.split_once('=').unwrap().1.to_owned();

    // The website's cookie as a bearer token: refused, for reading and for Health Bank.
    let http = t.raw_http();
    for path in [paths::ME, paths::HEALTH_BANK, paths::CARD] {
        let res = http
            .get(api(&t, path))
            .bearer_auth(&website_token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401, "{path}");
    }
    let res = http
        .post(api(&t, paths::HEALTH_REQUESTS))
        .bearer_auth(&website_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);

    // An app session as the website's cookie: sent to the login page.
    let app = t.signed_in_adult().await;
    let mut forger = Site::new(&t);
    forger.set_cookie(&format!("nhi_site_session={}", app.token));
    let (status, _) = forger.get("/register/device-code").await;
    assert_eq!(status, 303, "redirected to the website's login");
}

#[tokio::test]
async fn sessions_end_on_password_reset_new_binding_and_device_switch() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;

    // A new binding by phone (which sets the password anew) ends the old sessions.
    let first = t.signed_in_adult().await;
    t.bind_adult(&device(2)).await;
    assert_eq!(
        problem_of(t.client.me(&first.token).await).code,
        ProblemCode::Unauthenticated
    );

    // A password reset ends the website's session too.
    let mut site = Site::new(&t);
    assert_eq!(site.log_in(ADULT_ID, ADULT_PASSWORD).await, 303);
    assert_eq!(site.get("/register/devices").await.0, 200);
    let bound = t.bind_adult(&device(3)).await;
    assert_eq!(site.get("/register/devices").await.0, 303, "signed out");

    // Switching the active device ends the app sessions of the ID.
    let on_three = t
        .login(ADULT_ID, ADULT_PASSWORD, &device(3), &bound.device_key)
        .await
        .unwrap();
    assert_eq!(site.log_in(ADULT_ID, ADULT_PASSWORD).await, 303);
    let (status, _) = site
        .post(
            "/register/devices/activate",
            &[("device_id", &device(2).device_id)],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(
        problem_of(t.client.me(&on_three.token).await).code,
        ProblemCode::Unauthenticated
    );
}

// ---------------------------------------------------------------------------------------
// Attempt limits: a burst of concurrent guesses checks at most the limit.

#[tokio::test]
async fn a_burst_of_wrong_passwords_checks_at_most_five_then_even_the_right_one_is_locked_out() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let key = t.bind_adult(&device(1)).await.device_key;
    let phone = device(1);
    let answers = join_all((0..BURST).map(|_| t.login(ADULT_ID, "Wrong@2026", &phone, &key))).await;
    assert_checked_at_most(
        answers,
        5,
        ProblemCode::WrongCredentials,
        ProblemCode::AccountLocked,
    );
    assert_eq!(
        problem_of(t.login(ADULT_ID, ADULT_PASSWORD, &phone, &key).await).code,
        ProblemCode::AccountLocked
    );

    // The website shares the same lock.
    let mut site = Site::new(&t);
    let (_, page) = site
        .post(
            "/register/login",
            &[("id_number", ADULT_ID), ("password", ADULT_PASSWORD)],
        )
        .await;
    assert!(page.contains("Too many wrong passwords"), "{page}");
}

#[tokio::test]
async fn a_burst_of_wrong_passwords_on_the_website_checks_at_most_five() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let pages = join_all((0..BURST).map(|_| {
        let mut site = Site::new(&t);
        async move {
            site.post(
                "/register/login",
                &[("id_number", ADULT_ID), ("password", "Wrong@2026")],
            )
            .await
            .1
        }
    }))
    .await;
    let wrong = count(&pages, |p| p.contains("Wrong ID number or password"));
    assert_eq!(wrong, 4, "five checked, the fifth locked");
    assert_eq!(
        count(&pages, |p| p.contains("Too many wrong passwords")),
        BURST - 4
    );
}

#[tokio::test]
async fn a_burst_of_card_digit_guesses_checks_at_most_five() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let guesses: Vec<PhoneCheckRequest> = (0..BURST)
        .map(|i| PhoneCheckRequest {
            id_number: ADULT_ID.into(),
            card_last4: format!("{:04}", 1000 + i),
            mobile: ADULT_MOBILE.into(),
            terms_version: Some(APP_TERMS_VERSION.into()),
        })
        .collect();
    let answers = join_all(guesses.iter().map(|g| t.client.phone_check(g))).await;
    assert_checked_at_most(
        answers,
        5,
        ProblemCode::CardDigitsMismatch,
        ProblemCode::TooManyAttempts,
    );
    // Locked: the right digits are refused too.
    let right = t
        .client
        .phone_check(&PhoneCheckRequest {
            id_number: ADULT_ID.into(),
            card_last4: ADULT_CARD_LAST4.into(),
            mobile: ADULT_MOBILE.into(),
            terms_version: Some(APP_TERMS_VERSION.into()),
        })
        .await;
    assert_eq!(problem_of(right).code, ProblemCode::TooManyAttempts);
}

#[tokio::test]
async fn a_burst_of_device_code_guesses_checks_at_most_five() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let phone = device(7);
    let answers = join_all((0..BURST).map(|i| {
        t.client.bind(
            &phone,
            BindingProof::DeviceCode {
                code: format!("Ab3k{:04}", i).replace('0', "x"),
            },
        )
    }))
    .await;
    assert_checked_at_most(
        answers,
        5,
        ProblemCode::CodeInvalid,
        ProblemCode::TooManyAttempts,
    );
}

#[tokio::test]
async fn a_burst_of_authorization_code_guesses_checks_at_most_five() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    // The adult authorizes the parent; the parent (or whoever holds her phone) guesses.
    let (adult, parent) = support::family::with_cards(&t).await;
    t.client
        .authorize(
            &adult.token,
            &support::family::a_month(support::family::PARENT_ID),
        )
        .await
        .unwrap();
    let guesses: Vec<_> = (0..BURST)
        .map(|i| support::family::by_code(ADULT_ID, &format!("{:06}", 100_000 + i * 7)))
        .collect();
    let answers = join_all(
        guesses
            .iter()
            .map(|g| t.client.redeem_authorization(&parent.token, g)),
    )
    .await;
    assert_checked_at_most(
        answers,
        5,
        ProblemCode::CodeInvalid,
        ProblemCode::TooManyAttempts,
    );
}

#[tokio::test]
async fn the_websites_card_reader_cannot_be_used_to_find_a_birth_date() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let pages = join_all((0..BURST).map(|day| {
        let mut site = Site::new(&t);
        let birth = format!("1988-04-{:02}", 1 + day % 28);
        async move { site.apply(&[("birth_date", &birth)]).await.1 }
    }))
    .await;
    // NEW_BIRTH (the 12th) is among the tries, twice: at most five wrong dates were
    // compared, whenever the right one came — it gives back its own place, no more.
    let wrong = count(&pages, |p| p.contains("The card data does not match"));
    let right = count(&pages, |p| p.contains("Confirm your e-mail"));
    assert!(
        wrong <= 5 && right <= 2,
        "{wrong} wrong and {right} right compared"
    );
    assert!(count(&pages, |p| p.contains("Too many failed checks")) >= BURST - 7);
    // And now the right data is refused as well, for the lock's duration.
    let mut site = Site::new(&t);
    let (_, page) = site.apply_new_person().await;
    assert!(page.contains("Too many failed checks"), "{page}");
}

#[tokio::test]
async fn a_citizen_certificate_must_be_one_issued_to_the_person() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let apply = |serial: &'static str| {
        let mut site = Site::new(&t);
        async move {
            site.apply(&[("method", "certificate"), ("certificate_serial", serial)])
                .await
                .1
        }
    };
    // Right length and alphabet, never issued; then another person's certificate.
    let page = apply("ABCDEFGH12345678").await;
    assert!(page.contains("certificate data does not match"), "{page}");
    let page = apply("5ALXDWELO8G9K1NZ").await;
    assert!(page.contains("certificate data does not match"), "{page}");
    // The one issued to him.
    let page = apply("J3FKIY39UYE0BA5A").await;
    assert!(page.contains("Confirm your e-mail"), "{page}");
}

// ---------------------------------------------------------------------------------------
// Clinics and reviewers.

#[tokio::test]
async fn a_professional_card_blocks_after_three_wrong_pins_until_its_institution_unblocks_it() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let clinic = Clinic::new(&t);
    let with_pin = |pin: &'static str| {
        let mut h = CLINIC.to_vec();
        h[3] = ("x-hpc-pin", pin);
        h
    };
    // A burst of 64 wrong PINs: three are checked, the card blocks.
    let wrong: Vec<_> = (0..BURST).map(|_| with_pin("000000")).collect();
    let answers = join_all(
        wrong
            .iter()
            .map(|h| clinic.verify(h, "NHIEXPRESS:CARD:1:x")),
    )
    .await;
    let statuses: Vec<u16> = answers.iter().map(|(s, _)| *s).collect();
    // Three checked: two answered "wrong PIN", the third blocked the card.
    assert_eq!(count(&statuses, |s| *s == 401), 2, "{statuses:?}");
    assert_eq!(count(&statuses, |s| *s == 423), BURST - 2);
    // The right PIN is refused while blocked: HIS 4014.
    let (status, body) = clinic.verify(&CLINIC, "NHIEXPRESS:CARD:1:x").await;
    assert_eq!((status, body["his_code"].as_u64()), (423, Some(4014)));
    assert_eq!(body["code"], "professional_card_blocked");
    // Days later it is still blocked: only the institution ends it.
    t.clock.advance(Duration::days(30));
    assert_eq!(clinic.verify(&CLINIC, "NHIEXPRESS:CARD:1:x").await.0, 423);

    let http = t.raw_http();
    let unblock = |sam: &'static str| {
        http.post(api(&t, "/institution/professionals/HPC-DR-0002/unblock"))
            .header("x-institution-code", "3501200000")
            .header("x-sam-key", sam)
            .send()
    };
    assert_eq!(unblock("SAM-wrong").await.unwrap().status(), 401);
    assert_eq!(unblock("SAM-3501200000").await.unwrap().status(), 204);
    let (status, body) = clinic.verify(&CLINIC, "NHIEXPRESS:CARD:1:x").await;
    assert_eq!(status, 404, "past the three cards: {body}");
}

#[tokio::test]
async fn the_reviewer_console_locks_after_five_wrong_passwords_and_signs_out() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let pages = join_all((0..BURST).map(|_| {
        let mut console = Site::new(&t);
        async move {
            console
                .post(
                    "/review/login",
                    &[("username", "reviewer"), ("password", "Wrong@2026")],
                )
                .await
                .1
        }
    }))
    .await;
    // Five checked: four answered, the fifth locked.
    assert_eq!(
        count(&pages, |p| p.contains("Wrong username or password")),
        4
    );
    assert_eq!(count(&pages, |p| p.contains("Too many tries")), BURST - 4);
    let mut console = Site::new(&t);
    let (status, page) = console
        .post(
            "/review/login",
            &[("username", "reviewer"), ("password", "Review@2026")],
        )
        .await;
    assert_eq!(status, 200, "the right password waits out the lock");
    assert!(page.contains("Too many tries"));

    // After the lock: sign in, sign out, and the session is gone.
    t.clock.advance(Duration::minutes(16));
    let (status, _) = console
        .post(
            "/review/login",
            &[("username", "reviewer"), ("password", "Review@2026")],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(console.get("/review").await.0, 200);
    let signed_in = console.cookie().unwrap().to_owned();
    assert_eq!(console.post("/review/logout", &[]).await.0, 303);
    let mut replay = Site::new(&t);
    replay.set_cookie(&signed_in);
    assert_eq!(replay.get("/review").await.0, 303, "the old cookie is dead");

    // An idle session ends by itself after 30 minutes.
    let mut console = Site::new(&t);
    console
        .post(
            "/review/login",
            &[("username", "reviewer"), ("password", "Review@2026")],
        )
        .await;
    t.clock.advance(Duration::minutes(29));
    assert_eq!(console.get("/review").await.0, 200, "still there at 29 min");
    t.clock.advance(Duration::minutes(31));
    assert_eq!(console.get("/review").await.0, 303, "gone after 31 idle");
}

// ---------------------------------------------------------------------------------------
// Expensive work: hostile images cannot take the memory or the CPU.

/// The process's resident memory in bytes (Linux).
fn rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

#[tokio::test]
async fn decompression_bombs_are_refused_within_the_memory_bound() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let bomb = bomb_png(12_000);
    assert!(bomb.len() < 1_000_000, "tiny on disk: {} bytes", bomb.len());
    let token = t.signed_in_adult().await.token;
    let idle = rss();
    let peak = Arc::new(AtomicU64::new(idle));
    let sampling = {
        let peak = peak.clone();
        tokio::spawn(async move {
            loop {
                peak.fetch_max(rss(), Ordering::Relaxed);
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            }
        })
    };
    let http = t.raw_http();
    // Four at once to each door that decodes images: the anonymous scanner, the clinic's
    // image verification, the card photo upload.
    let scans = (0..4).map(|_| {
        http.post(api(&t, paths::QR_SCANS))
            .body(bomb.clone())
            .send()
    });
    let clinic = (0..4).map(|_| {
        let mut req = http
            .post(api(&t, paths::VERIFICATION_IMAGES))
            .body(bomb.clone());
        for (k, v) in CLINIC {
            req = req.header(k, v);
        }
        req.send()
    });
    let uploads = (0..4).map(|_| {
        http.post(api(&t, paths::PHOTO_UPLOADS))
            .bearer_auth(&token)
            .body(bomb.clone())
            .send()
    });
    let mut statuses = Vec::new();
    for res in join_all(scans.chain(clinic).chain(uploads)).await {
        let res = res.unwrap();
        let status = res.status().as_u16();
        let problem: Problem = res.json().await.unwrap();
        assert_eq!(problem.code, ProblemCode::BadImage);
        statuses.push(status);
    }
    sampling.abort();
    assert_eq!(statuses, vec![413; 12], "refused from the header");
    let grew = peak.load(Ordering::Relaxed).saturating_sub(idle);
    assert!(
        grew < 300 * 1024 * 1024,
        "peak {} MB above idle",
        grew / 1024 / 1024
    );
}

#[tokio::test]
async fn anonymous_qr_scanning_is_rate_limited_per_client() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let tiny = support::qr_corpus::png(&support::qr_corpus::render("hello", 4));
    let answers = join_all((0..40).map(|_| t.client.scan_qr(tiny.clone()))).await;
    let limited = count(
        &answers,
        |a| matches!(a, Err(ClientError::Problem(p)) if p.code == ProblemCode::TooManyAttempts),
    );
    assert_eq!(limited, 10, "30 scans a minute, then refused");
}

#[tokio::test]
async fn a_clinic_receives_a_clean_photo_without_the_uploads_metadata() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn_with(|s| s.auto_approve_after = Some(0)).await;
    let token = t.signed_in_adult().await.token;
    let photo = with_location_metadata(&jpeg(&portrait(600, 800, 248), 90));
    assert!(photo
        .windows(GPS_MARKER.len())
        .any(|w| w == GPS_MARKER.as_bytes()));
    support::card::apply_with_photo(&t, &token, photo).await;
    support::card::card_state_after_the_job(&t, &token, CardState::Approved).await;
    let code = t.client.card_qr(&token).await.unwrap();
    let (status, body) = Clinic::new(&t).verify(&CLINIC, &code.payload).await;
    assert_eq!(status, 200, "{body}");
    let v: Verification = serde_json::from_value(body).unwrap();
    let jpeg = base64::engine::general_purpose::STANDARD
        .decode(v.photo_jpeg_base64.expect("an approved card's photo"))
        .unwrap();
    assert_eq!(&jpeg[..2], &[0xFF, 0xD8], "a JPEG");
    assert!(!jpeg.windows(4).any(|w| w == b"Exif"), "no EXIF");
    assert!(!jpeg
        .windows(GPS_MARKER.len())
        .any(|w| w == GPS_MARKER.as_bytes()));
    // The counter's copy is face-sized: what a clerk compares, not the ~190 KB original.
    assert!(jpeg.len() <= 30 * 1024, "{} bytes", jpeg.len());
    let face = image::load_from_memory(&jpeg).unwrap();
    assert!(
        face.width().max(face.height()) <= 320,
        "{}×{}",
        face.width(),
        face.height()
    );
    assert!(face.height() >= 240, "still a recognisable face");
    // And the owner's own copy is a clean JPEG too, at full size.
    let own = t.client.card_photo(&token, None).await.unwrap();
    assert!(own.len() > jpeg.len());
    assert!(!own.windows(4).any(|w| w == b"Exif"), "no EXIF");
    assert!(!own
        .windows(GPS_MARKER.len())
        .any(|w| w == GPS_MARKER.as_bytes()));
}

#[tokio::test]
async fn an_incomplete_photo_is_refused() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let token = t.signed_in_adult().await.token;
    let whole = jpeg(&portrait(600, 800, 248), 90);
    let half = whole[..whole.len() * 2 / 3].to_vec();
    let p = problem_of(
        t.client
            .upload_image(&token, paths::PHOTO_UPLOADS, half)
            .await,
    );
    assert_eq!((p.code, p.status), (ProblemCode::BadImage, 415));
    assert!(t
        .client
        .upload_image(&token, paths::PHOTO_UPLOADS, whole)
        .await
        .is_ok());
}

// ---------------------------------------------------------------------------------------
// Connections: slow clients cannot starve the server.

#[tokio::test]
async fn a_thousand_half_open_connections_do_not_block_another_client() {
    let _one = ONE_AT_A_TIME.lock().await;
    allow_many_files();
    let t = TestBackend::spawn().await;
    let port = t.backend.local_addr().port();
    // The attacker: 1,000 connections from 127.0.0.2, each sending the first byte of a TLS
    // handshake and then nothing.
    let mut held = Vec::new();
    for _ in 0..1000 {
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.bind("127.0.0.2:0".parse().unwrap()).unwrap();
        let mut stream = socket.connect(([127, 0, 0, 1], port).into()).await.unwrap();
        use tokio::io::AsyncWriteExt;
        let _ = stream.write_all(&[0x16]).await;
        held.push(stream);
    }
    // Another client gets every answer meanwhile.
    let http = t.raw_http();
    let mut answered = 0;
    for _ in 0..20 {
        let res = http.get(api(&t, paths::HEALTH)).send().await;
        if res.is_ok_and(|r| r.status() == 200) {
            answered += 1;
        }
    }
    assert_eq!(answered, 20);
    // The server closed what it would not serve: all but its per-client allowance.
    let mut closed = 0;
    for stream in &held {
        let mut buf = [0u8; 1];
        match tokio::time::timeout(std::time::Duration::from_millis(2), stream.peek(&mut buf)).await
        {
            Ok(Ok(0)) | Ok(Err(_)) => closed += 1,
            _ => {}
        }
    }
    assert!(closed >= 1000 - 96, "{closed} of 1000 closed");
}

// ---------------------------------------------------------------------------------------
// Storage.

#[tokio::test]
async fn a_busy_database_answers_503_with_retry_after() {
    use sqlx::Connection;
    let _one = ONE_AT_A_TIME.lock().await;
    // PostgreSQL cancels a statement after the configured timeout (here one second).
    let t = TestBackend::spawn_with(|s| s.database_timeout = 1).await;
    let key = t.bind_adult(&device(1)).await.device_key;
    // Another process holds what a login writes for longer than the backend waits: SQLite's
    // write lock past its busy timeout, or PostgreSQL's table locks past the statement
    // timeout. Rolling back ends the block.
    let busy = || async {
        let p = problem_of(t.login(ADULT_ID, ADULT_PASSWORD, &device(1), &key).await);
        assert_eq!((p.code, p.status), (ProblemCode::ServiceBusy, 503));
        assert_eq!(p.retry_after_seconds, Some(1));
    };
    match &t.database_url {
        Some(url) => {
            let mut blocker = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::query("BEGIN").execute(&mut blocker).await.unwrap();
            sqlx::query("LOCK TABLE attempt_counters, sessions IN ACCESS EXCLUSIVE MODE")
                .execute(&mut blocker)
                .await
                .unwrap();
            busy().await;
            sqlx::query("ROLLBACK").execute(&mut blocker).await.unwrap();
        }
        None => {
            let db = t.data_dir.path().join("nhi.db");
            let mut blocker =
                sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display()))
                    .await
                    .unwrap();
            sqlx::query("BEGIN EXCLUSIVE")
                .execute(&mut blocker)
                .await
                .unwrap();
            busy().await;
            sqlx::query("ROLLBACK").execute(&mut blocker).await.unwrap();
        }
    }
    t.login(ADULT_ID, ADULT_PASSWORD, &device(1), &key)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_verification_that_fails_leaves_the_qr_unused() {
    if support::postgres::skip_sqlite_only("a_verification_that_fails_leaves_the_qr_unused") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let token = t.signed_in_adult().await.token;
    support::card::apply_for_card(&t, &token).await;
    let code = t.client.card_qr(&token).await.unwrap();
    // The year's visit numbers are used up: the verification fails after every check.
    let db = t.data_dir.path().join("nhi.db");
    let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect(&format!(
        "sqlite://{}",
        db.display()
    ))
    .await
    .unwrap();
    let year = chrono::Datelike::year(&t.clock.now());
    sqlx::query(
        "INSERT INTO card_qr_uses (serial, id_number, year, visit_number) \
         VALUES (randomblob(12), ?, ?, 999)",
    )
    .bind(ADULT_ID)
    .bind(year)
    .execute(&mut conn)
    .await
    .unwrap();
    let (status, _) = Clinic::new(&t).verify(&CLINIC, &code.payload).await;
    assert_eq!(status, 400);
    let state = t.client.qr_status(&token, &code.qr_id).await.unwrap();
    assert_eq!(state.state, nhi_core::api::QrState::Active, "not burnt");
    // Once numbers are available again, the same QR verifies.
    sqlx::query("DELETE FROM card_qr_uses")
        .execute(&mut conn)
        .await
        .unwrap();
    let (status, body) = Clinic::new(&t).verify(&CLINIC, &code.payload).await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn a_hundred_and_fifty_concurrent_device_switches_all_succeed() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    t.bind_adult(&device(1)).await;
    t.bind_adult(&device(2)).await;
    let mut site = Site::new(&t);
    assert_eq!(site.log_in(ADULT_ID, ADULT_PASSWORD).await, 303);
    let cookie = site.cookie().unwrap().to_owned();
    // From three addresses (a family's phones behind different networks), 50 each: one
    // address may hold at most 96 connections.
    let answers = join_all((0..150).map(|i| {
        let mut tab = Site::from_address(&t, [127, 0, 0, 1 + (i % 3) as u8].into());
        tab.set_cookie(&cookie);
        let device_id = device(1 + (i % 2) as u8).device_id;
        async move {
            tab.post("/register/devices/activate", &[("device_id", &device_id)])
                .await
                .0
        }
    }))
    .await;
    // Each switch takes the write lock before reading: none fails with "database is locked".
    assert_eq!(count(&answers, |s| *s == 303), 150, "{answers:?}");
}

#[tokio::test]
async fn the_data_directory_is_private_and_has_one_backend() {
    if support::postgres::skip_sqlite_only("the_data_directory_is_private_and_has_one_backend") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(t.data_dir.path()), 0o700);
        for file in ["nhi.db", "ca-key.pem", "server-key.pem", "server.key"] {
            assert_eq!(mode(&t.data_dir.path().join(file)), 0o600, "{file}");
        }
    }
    let second = RunningBackend::start(
        Settings::local(t.data_dir.path()),
        Arc::new(ManualClock::new(t.clock.now())),
    )
    .await;
    let Err(error) = second else {
        panic!("a second backend started on the same data directory")
    };
    assert!(
        error
            .to_string()
            .contains("another backend is already running"),
        "{error}"
    );
}

// ---------------------------------------------------------------------------------------
// The website's demo switches and links.

#[tokio::test]
async fn the_outbox_is_a_demo_switch_and_links_never_come_from_the_host_header() {
    let _one = ONE_AT_A_TIME.lock().await;
    let off = TestBackend::spawn_with(|s| s.demo_outbox = false).await;
    assert_eq!(Site::new(&off).get("/outbox").await.0, 404);

    let t = TestBackend::spawn().await;
    let http = t.raw_http();
    let res = http
        .post(url(&t, "/register/apply"))
        .header("host", "evil.example")
        .header("origin", "https://evil.example")
        .form(&support::site::new_person_form(&[]))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let link = Site::new(&t).confirmation_path().await;
    let (_, outbox) = Site::new(&t).get("/outbox").await;
    assert!(
        !outbox.contains("evil.example"),
        "the Host header is not used"
    );
    assert!(
        outbox.contains(&format!("{}{link}", t.backend.base_url())),
        "the configured address is"
    );
}

#[tokio::test]
async fn forms_from_another_site_are_refused_and_pages_forbid_framing() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let http = t.raw_http();
    for path in ["/register/login", "/review/login", "/counter"] {
        let res = http
            .post(url(&t, path))
            .header("origin", "https://evil.example")
            .form(&[("id_number", ADULT_ID), ("password", ADULT_PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "{path}");
    }
    for path in ["/register", "/review/login", "/counter", "/"] {
        let res = http.get(url(&t, path)).send().await.unwrap();
        let h = res.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("script-src 'unsafe-inline'"), "{path}");
        assert_eq!(h["referrer-policy"], "same-origin", "{path}");
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
    }
}

// ---------------------------------------------------------------------------------------
// Every error on the API is a problem document.

#[tokio::test]
async fn every_error_answer_is_a_problem_document() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let token = t.signed_in_adult().await.token;
    let http = t.raw_http();
    let big = vec![b' '; 3 * 1024 * 1024];
    let cases: Vec<(&str, reqwest::RequestBuilder, u16)> = vec![
        ("unknown path", http.get(api(&t, "/nothing-here")), 404),
        ("wrong method", http.put(api(&t, paths::SESSIONS)), 405),
        (
            "bad path parameter",
            http.delete(api(&t, "/authorizations/not-a-number"))
                .bearer_auth(&token),
            400,
        ),
        (
            "bad query",
            http.get(api(&t, "/health-bank/categories/outpatient?page=-1"))
                .bearer_auth(&token),
            400,
        ),
        (
            "malformed JSON",
            http.post(api(&t, paths::SESSIONS))
                .header("content-type", "application/json")
                .body("{not json"),
            400,
        ),
        (
            "not JSON",
            http.post(api(&t, paths::SESSIONS))
                .header("content-type", "text/plain")
                .body("id=1"),
            415,
        ),
        (
            "oversized JSON",
            http.post(api(&t, paths::SESSIONS))
                .header("content-type", "application/json")
                .body(big),
            413,
        ),
        (
            "Health Bank before any request",
            http.get(api(&t, "/health-bank/categories/outpatient?page=1"))
                .bearer_auth(&token),
            404,
        ),
        ("no session", http.get(api(&t, paths::ME)), 401),
    ];
    for (what, request, status) in cases {
        let res = request.send().await.unwrap();
        assert_eq!(res.status().as_u16(), status, "{what}");
        let allow = res.headers().get("allow").cloned();
        assert_eq!(
            res.headers()["content-type"],
            "application/problem+json",
            "{what}"
        );
        let problem: Problem = res.json().await.unwrap();
        assert_eq!(problem.status, status, "{what}");
        assert!(problem.type_uri.starts_with("urn:nhi-express:problem:"));
        if status == 405 {
            assert!(allow.is_some_and(|a| a.to_str().unwrap().contains("POST")));
        }
    }
}

#[tokio::test]
async fn the_last_page_number_there_is_answers_without_crashing() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let token = t.signed_in_adult().await.token;
    t.client.request_health_data(&token).await.unwrap();
    t.clock.advance(Duration::minutes(11));
    let res = t
        .raw_http()
        .get(api(
            &t,
            "/health-bank/categories/outpatient?page=4294967295",
        ))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let page: serde_json::Value = res.json().await.unwrap();
    assert_eq!(page["records"].as_array().map(Vec::len), Some(0));
    assert!(page["next_page"].is_null());
}

// ---------------------------------------------------------------------------------------
// Refusals reach a client that is still uploading.

/// Posts `body` as a simple client does — the whole body first, then the answer — over TLS,
/// the status line, or how the connection failed.
async fn post_then_read(t: &TestBackend, path: &str, body: &[u8]) -> std::io::Result<String> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, ServerName};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut roots = rustls::RootCertStore::empty();
    let ca = CertificateDer::from_pem_file(t.backend.ca_path()).expect("the CA");
    roots.add(ca).expect("a CA certificate");
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("TLS versions")
    .with_root_certificates(roots)
    .with_no_client_auth();
    let address = t
        .backend
        .base_url()
        .trim_start_matches("https://")
        .to_owned();
    let tcp = tokio::net::TcpStream::connect(&address).await?;
    let name = ServerName::try_from("127.0.0.1").expect("a server name");
    let mut tls = tokio_rustls::TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await?;
    let head = format!(
        "POST {path} HTTP/1.1\r\nhost: {address}\r\ncontent-type: image/jpeg\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    tls.write_all(head.as_bytes()).await?;
    // As a phone or an HIS on a real network: the body goes out over a while, not at once.
    for chunk in body.chunks(64 * 1024) {
        tls.write_all(chunk).await?;
        tls.flush().await?;
        tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    }
    let mut answer = Vec::new();
    tls.read_to_end(&mut answer).await?;
    let text = String::from_utf8_lossy(&answer);
    Ok(text.lines().next().unwrap_or_default().to_owned())
}

#[tokio::test]
async fn a_refusal_before_the_upload_was_read_reaches_the_uploading_client() {
    let _one = ONE_AT_A_TIME.lock().await;
    let t = TestBackend::spawn().await;
    let photo = vec![0x5a_u8; 3 * 1024 * 1024];
    // Refused before the body is read (no clinic cards, no session): the answer, not a reset.
    for path in [
        "/api/v1/institution/verifications/image",
        "/api/v1/card/uploads/photo",
    ] {
        for _ in 0..3 {
            let status = post_then_read(&t, path, &photo).await;
            assert_eq!(
                status.as_ref().map(String::as_str).ok(),
                Some("HTTP/1.1 401 Unauthorized"),
                "{path}: {status:?}"
            );
        }
    }
    // Larger than the route takes: "too large", also while the client is still sending.
    let big = vec![0_u8; 20 * 1024 * 1024];
    let status = post_then_read(&t, "/api/v1/qr-scans", &big).await;
    assert_eq!(
        status.as_ref().map(String::as_str).ok(),
        Some("HTTP/1.1 413 Payload Too Large"),
        "{status:?}"
    );
}
