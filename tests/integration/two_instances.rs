//! Two backend instances on one PostgreSQL database, as behind a load balancer: what one
//! instance starts the other continues, and every one-time and counting guarantee holds
//! across them. Also what an operator is told when the database is unreachable or newer
//! than the binary. These run when the suite runs on PostgreSQL (`NHI_TEST_DATABASE_URL`).

use futures_util::future::join_all;
use nhi_backend::{RunningBackend, Settings};
use nhi_core::api::ProblemCode;
use nhi_core::domain::ManualClock;

use crate::support::clinic::{Clinic, CLINIC};
use crate::support::postgres::{fresh_database, URL_VAR};
use crate::support::*;

/// Instances A and B: one database, one data directory (the CA and the server key every
/// instance must share); `None` when the suite runs on SQLite.
async fn two_instances() -> Option<(TestBackend, TestBackend)> {
    if std::env::var_os(URL_VAR).is_none() {
        eprintln!("two instances need PostgreSQL: covered by the PostgreSQL run");
        return None;
    }
    let a = TestBackend::spawn().await;
    let (url, dir) = (a.database_url.clone(), a.data_dir.path().to_owned());
    let b = TestBackend::spawn_with(move |s| {
        s.database_url = url;
        s.data_dir = dir;
    })
    .await;
    Some((a, b))
}

#[tokio::test]
async fn a_session_card_and_qr_made_on_one_instance_work_on_the_other() {
    let Some((a, b)) = two_instances().await else {
        return;
    };
    let login = a.signed_in_adult().await;
    assert_eq!(
        b.client.me(&login.token).await.unwrap().person.name,
        ADULT_NAME
    );
    crate::support::card::apply_for_card(&a, &login.token).await;
    let code = a.client.card_qr(&login.token).await.unwrap();
    let (status, first) = Clinic::new(&b).verify(&CLINIC, &code.payload).await;
    assert_eq!(status, 200, "{first}");
    // The visit numbers go on from instance to instance.
    let code = b.client.card_qr(&login.token).await.unwrap();
    let (_, second) = Clinic::new(&a).verify(&CLINIC, &code.payload).await;
    assert_eq!(first["visit_sequence"], "V001");
    assert_eq!(second["visit_sequence"], "V002");
}

#[tokio::test]
async fn an_authorization_offered_on_one_instance_is_redeemed_on_the_other_once() {
    use crate::support::family::{a_month, by_code, parent_login, PARENT_ID};
    let Some((a, b)) = two_instances().await else {
        return;
    };
    let adult = a.signed_in_adult().await;
    crate::support::card::approved_card(&a, &adult.token).await;
    let parent = parent_login(&b).await;
    crate::support::card::approved_card(&b, &parent.token).await;
    let offer = a
        .client
        .authorize(&adult.token, &a_month(PARENT_ID))
        .await
        .unwrap();
    // The same code sent to both instances at once: one redemption.
    let redeem = by_code(ADULT_ID, &offer.code);
    let (on_a, on_b) = tokio::join!(
        a.client.redeem_authorization(&parent.token, &redeem),
        b.client.redeem_authorization(&parent.token, &redeem)
    );
    assert_eq!(
        [on_a.is_ok(), on_b.is_ok()]
            .iter()
            .filter(|ok| **ok)
            .count(),
        1,
        "{on_a:?} {on_b:?}"
    );
    // The holder sees it accepted, whichever instance answers.
    let seen = a.client.authorizations(&adult.token).await.unwrap();
    assert_eq!(seen.granted.len(), 1);
    assert_eq!(
        seen.granted[0].state,
        nhi_core::api::AuthorizationState::Active
    );
}

#[tokio::test]
async fn a_health_bank_request_on_one_instance_is_read_on_the_other() {
    let Some((a, b)) = two_instances().await else {
        return;
    };
    let token = a.signed_in_adult().await.token;
    let request = a.client.request_health_data(&token).await.unwrap();
    assert!(!request.ready);
    // The other instance knows of today's request and refuses a second one.
    let again = b.client.request_health_data(&token).await.unwrap_err();
    assert_eq!(again.code(), Some(ProblemCode::AlreadyRequestedToday));
    // Ready by the processing delay on both instances' clocks.
    for t in [&a, &b] {
        t.clock.advance(chrono::Duration::seconds(600));
    }
    let overview = b.client.health_overview(&token).await.unwrap();
    assert!(overview.last_request.unwrap().ready);
    assert_eq!(overview.categories.len(), 10);
}

#[tokio::test]
async fn sixty_four_verifications_over_two_instances_consume_a_qr_once() {
    let Some((a, b)) = two_instances().await else {
        return;
    };
    let token = a.signed_in_adult().await.token;
    crate::support::card::apply_for_card(&a, &token).await;
    let code = a.client.card_qr(&token).await.unwrap();
    let clinics = [Clinic::new(&a), Clinic::new(&b)];
    let statuses = join_all((0..64).map(|i| clinics[i % 2].verify(&CLINIC, &code.payload))).await;
    let ok = statuses.iter().filter(|(s, _)| *s == 200).count();
    let refused = statuses.iter().filter(|(s, _)| *s == 409).count();
    assert_eq!(
        (ok, refused),
        (1, 63),
        "{:?}",
        statuses.iter().map(|s| s.0).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn one_persons_codes_verified_at_once_on_two_instances_get_distinct_visit_numbers() {
    let Some((a, b)) = two_instances().await else {
        return;
    };
    let token = a.signed_in_adult().await.token;
    crate::support::card::apply_for_card(&a, &token).await;
    let mut codes = Vec::new();
    for _ in 0..16 {
        codes.push(a.client.card_qr(&token).await.unwrap().payload);
    }
    let clinics = [Clinic::new(&a), Clinic::new(&b)];
    let answers = join_all(
        codes
            .iter()
            .enumerate()
            .map(|(i, code)| clinics[i % 2].verify(&CLINIC, code)),
    )
    .await;
    let mut numbers: Vec<String> = answers
        .iter()
        .map(|(status, body)| {
            assert_eq!(*status, 200, "{body}");
            body["visit_sequence"].as_str().unwrap().to_owned()
        })
        .collect();
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 16, "{numbers:?}");
}

#[tokio::test]
async fn a_burst_of_wrong_passwords_over_two_instances_checks_at_most_five() {
    let Some((a, b)) = two_instances().await else {
        return;
    };
    let phone = device(1);
    let key = a.bind_adult(&phone).await.device_key;
    let answers = join_all((0..64).map(|i| {
        let t = if i % 2 == 0 { &a } else { &b };
        t.login(ADULT_ID, "Wrong@2026", &phone, &key)
    }))
    .await;
    let codes: Vec<ProblemCode> = answers
        .into_iter()
        .map(|r| match r {
            Err(nhi_client::client::ClientError::Problem(p)) => p.code,
            other => panic!("a wrong password got {other:?}"),
        })
        .collect();
    let checked = codes
        .iter()
        .filter(|c| **c == ProblemCode::WrongCredentials)
        .count();
    assert!(checked <= 5, "{checked} passwords checked: {codes:?}");
    assert!(codes.iter().all(|c| matches!(
        c,
        ProblemCode::WrongCredentials | ProblemCode::AccountLocked
    )));
    // Locked on both.
    for t in [&a, &b] {
        let locked = t.login(ADULT_ID, ADULT_PASSWORD, &phone, &key).await;
        assert!(
            matches!(locked, Err(nhi_client::client::ClientError::Problem(p)) if p.code == ProblemCode::AccountLocked)
        );
    }
}

async fn start_on(database_url: String) -> Result<RunningBackend, String> {
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings {
        database_url: Some(database_url),
        database_timeout: 2,
        ..Settings::local(dir.path())
    };
    let clock = ManualClock::new(chrono::Utc::now());
    RunningBackend::start(settings, std::sync::Arc::new(clock))
        .await
        .map_err(|e| e.to_string())
}

#[tokio::test]
async fn the_backend_says_what_is_wrong_with_its_database() {
    let Ok(admin) = std::env::var(URL_VAR) else {
        eprintln!("needs PostgreSQL: covered by the PostgreSQL run");
        return;
    };
    // Nobody listens there.
    let error = start_on("postgres://nhi@127.0.0.1:1/nhi".into())
        .await
        .err()
        .unwrap();
    assert!(
        error.contains("cannot reach the database at 127.0.0.1:1/nhi"),
        "{error}"
    );
    assert!(!error.contains("password"));

    // A database a newer backend has migrated.
    let url = fresh_database().await.unwrap();
    drop(start_on(url.clone()).await.unwrap());
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&url)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (29991231000000, 'from the future', TRUE, '\\x00', 0)",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    let error = start_on(url).await.err().unwrap();
    assert!(
        error.contains("schema is newer than this backend"),
        "{error}"
    );
    assert!(error.contains("29991231000000"), "{error}");
    drop(admin);
}

#[tokio::test]
async fn a_background_job_runs_on_one_instance_at_a_time() {
    use nhi_backend::store::{Jobs, PostgresSettings, PostgresStore};
    let Some(url) = fresh_database().await else {
        eprintln!("needs PostgreSQL: covered by the PostgreSQL run");
        return;
    };
    let a = PostgresStore::open(&PostgresSettings::new(url.clone()))
        .await
        .unwrap();
    let b = PostgresStore::open(&PostgresSettings::new(url))
        .await
        .unwrap();
    let held = a.try_job("sweep").await.unwrap();
    assert!(held.is_some());
    assert!(
        b.try_job("sweep").await.unwrap().is_none(),
        "the other instance skips"
    );
    assert!(b.try_job("another job").await.unwrap().is_some());
    drop(held);
    // The lock goes with the connection that held it.
    let mut free = None;
    for _ in 0..50 {
        free = b.try_job("sweep").await.unwrap();
        if free.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(
        free.is_some(),
        "released when the first instance's job ended"
    );
}

#[tokio::test]
async fn a_video_visit_allowed_and_cancelled_over_both_instances_ends_one_way() {
    use nhi_core::api::VideoVisitAnswer;
    use nhi_core::domain::Clock;
    let Some((a, b)) = two_instances().await else {
        return;
    };
    let login = a.signed_in_adult().await;
    crate::support::card::apply_for_card(&a, &login.token).await;
    let at = a.clock.now() + chrono::Duration::minutes(5);
    for round in 0..3 {
        let (status, body) = Clinic::new(&a)
            .request_video_visit(&CLINIC, ADULT_ID, "家醫科", at)
            .await;
        assert_eq!(status, 201, "{body}");
        let id = body["request_id"].as_str().unwrap().to_owned();
        // Allows on both instances, and the clinic cancelling on both, all at once.
        let allows = join_all((0..16).map(|i| {
            let on = if i % 2 == 0 { &a } else { &b };
            on.client
                .answer_video_visit(&login.token, &id, VideoVisitAnswer::Allow)
        }));
        let (clinic_a, clinic_b) = (Clinic::new(&a), Clinic::new(&b));
        let cancels = join_all((0..8).map(|i| {
            let on = if i % 2 == 0 { &clinic_a } else { &clinic_b };
            on.cancel_video_visit(&CLINIC, &id)
        }));
        let (allows, cancels) = tokio::join!(allows, cancels);
        let allowed = allows.iter().filter(|r| r.is_ok()).count();
        let cancelled = cancels.iter().filter(|(s, _)| *s == 200).count();
        assert_eq!(allowed + cancelled, 1, "round {round}: exactly one wins");
        let uses = b.client.card_uses(&login.token).await.unwrap();
        let visits: Vec<&str> = uses.iter().map(|u| u.visit_sequence.as_str()).collect();
        let mut distinct = visits.clone();
        distinct.dedup();
        assert_eq!(visits, distinct, "round {round}: one number per use");
    }
}

/// Every code that may be valid at once for one holder — eight of the holder's own and eight
/// a delegate holds — verified at the same moment, half through each instance: sixteen uses,
/// sixteen distinct and consecutive visit numbers. Then a use whose statement fails half-way
/// (the delegate's record refused by the database after the use was written) leaves nothing
/// behind: the code still works afterwards and the numbers go on without a gap.
#[tokio::test]
async fn every_code_of_one_holder_at_once_over_two_instances_numbers_each_use_once() {
    use crate::support::family::{authorized_for_a_month, parent_login};
    use sqlx::Connection;
    let Some((a, b)) = two_instances().await else {
        return;
    };
    let holder = a.signed_in_adult().await.token;
    crate::support::card::approved_card(&a, &holder).await;
    let parent = parent_login(&b).await.token;
    crate::support::card::approved_card(&b, &parent).await;
    let view = authorized_for_a_month(&a, &holder, &parent).await;
    let mut codes = Vec::new();
    for i in 0..8 {
        let (own, theirs) = if i % 2 == 0 { (&a, &b) } else { (&b, &a) };
        codes.push(own.client.card_qr(&holder).await.unwrap().payload);
        codes.push(
            theirs
                .client
                .delegate_qr(&parent, view.id)
                .await
                .unwrap()
                .payload,
        );
    }
    let clinics = [Clinic::new(&a), Clinic::new(&b)];
    let answers = join_all(
        codes
            .iter()
            .enumerate()
            .map(|(i, code)| clinics[i % 2].verify(&CLINIC, code)),
    )
    .await;
    let mut numbers: Vec<String> = answers
        .iter()
        .map(|(status, body)| {
            assert_eq!(*status, 200, "{body}");
            body["visit_sequence"].as_str().unwrap().to_owned()
        })
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=16).map(|n| format!("V{n:03}")).collect();
    assert_eq!(numbers, expected, "distinct and consecutive");
    let delegates = answers
        .iter()
        .filter(|(_, body)| body["presented_by_delegate"] == true)
        .count();
    assert_eq!(delegates, 8);

    // The database refuses the delegate's record, which the same statement writes after the
    // use: the statement fails as a whole.
    let url = a.database_url.clone().expect("on PostgreSQL");
    let mut db = sqlx::PgConnection::connect(&url).await.unwrap();
    sqlx::query(
        "ALTER TABLE authorization_uses ADD CONSTRAINT refuse_for_the_test \
         CHECK (institution IS NULL) NOT VALID",
    )
    .execute(&mut db)
    .await
    .unwrap();
    let code = b
        .client
        .delegate_qr(&parent, view.id)
        .await
        .unwrap()
        .payload;
    let (status, body) = clinics[1].verify(&CLINIC, &code).await;
    assert_eq!(status, 500, "{body}");
    assert_eq!(
        a.client.card_uses(&holder).await.unwrap().len(),
        16,
        "no use left behind"
    );
    sqlx::query("ALTER TABLE authorization_uses DROP CONSTRAINT refuse_for_the_test")
        .execute(&mut db)
        .await
        .unwrap();
    let (status, body) = clinics[0].verify(&CLINIC, &code).await;
    assert_eq!(status, 200, "the code is still unused: {body}");
    assert_eq!(body["visit_sequence"], "V017", "no number lost");
}
