//! The backend's login rules, exercised over real TLS with the real client.

use crate::support;

use chrono::Duration;
use nhi_client::client::{ApiClient, ClientError};
use nhi_core::api::ProblemCode;
use nhi_core::domain::Clock;
use support::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn code(result: Result<impl std::fmt::Debug, ClientError>) -> ProblemCode {
    match result {
        Err(ClientError::Problem(p)) => p.code,
        other => panic!("expected a problem, got {other:?}"),
    }
}

#[tokio::test]
async fn login_gives_a_two_hour_session_that_says_who_is_signed_in() {
    let t = TestBackend::spawn().await;
    let login = t.signed_in_adult().await;
    assert_eq!(login.person.name, ADULT_NAME);
    assert_eq!(login.expires_at - t.clock.now(), Duration::hours(2));

    let me = t.client.me(&login.token).await.unwrap();
    assert_eq!(me.person.id_number.as_str(), ADULT_ID);
    assert_eq!(me.session_expires_at, login.expires_at);
}

#[tokio::test]
async fn lower_case_id_and_spaces_are_accepted() {
    let t = TestBackend::spawn().await;
    let bound = t.bind_adult(&device(1)).await;
    let login = t
        .login(
            " a123456789 ",
            ADULT_PASSWORD,
            &device(1),
            &bound.device_key,
        )
        .await
        .unwrap();
    assert_eq!(login.person.id_number.as_str(), ADULT_ID);
}

#[tokio::test]
async fn wrong_password_is_refused_and_counts_down_to_the_lock() {
    let t = TestBackend::spawn().await;
    let key = t.bind_adult(&device(1)).await.device_key;
    let err = t
        .login(ADULT_ID, "Wrong@2026", &device(1), &key)
        .await
        .unwrap_err();
    let ClientError::Problem(p) = err else {
        panic!("{err:?}")
    };
    assert_eq!(p.code, ProblemCode::WrongCredentials);
    assert_eq!(p.status, 401);
    assert_eq!(p.attempts_left, Some(4));
}

#[tokio::test]
async fn unknown_id_gets_the_same_answer_as_a_registered_one() {
    let t = TestBackend::spawn().await;
    // From a device bound to nobody, a registered ID with its right password, a registered
    // ID with a wrong one and a valid ID nobody registered all get one answer, before any
    // password is checked: none of them tells whether an ID is registered or a password right.
    let answers = [
        t.login_unbound(ADULT_ID, ADULT_PASSWORD).await,
        t.login_unbound(ADULT_ID, "Wrong@2026").await,
        t.login_unbound("A987654329", ADULT_PASSWORD).await,
    ];
    for answer in answers {
        let ClientError::Problem(p) = answer.unwrap_err() else {
            panic!("a problem")
        };
        assert_eq!(p.code, ProblemCode::DeviceNotBound);
        assert_eq!(p.status, 403);
        assert_eq!(p.attempts_left, None);
    }
}

#[tokio::test]
async fn repeated_wrong_passwords_lock_the_account_and_say_for_how_long() {
    let t = TestBackend::spawn().await;
    let key = t.bind_adult(&device(1)).await.device_key;
    let phone = device(1);
    let login = |password: &'static str| t.login(ADULT_ID, password, &phone, &key);
    for attempt in 1..=4 {
        let err = login("Wrong@2026").await.unwrap_err();
        let ClientError::Problem(p) = err else {
            panic!("{err:?}")
        };
        assert_eq!(p.code, ProblemCode::WrongCredentials, "attempt {attempt}");
        assert_eq!(p.attempts_left, Some(5 - attempt));
    }
    let err = login("Wrong@2026").await.unwrap_err();
    let ClientError::Problem(p) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(p.code, ProblemCode::AccountLocked);
    assert_eq!(p.status, 423);
    assert_eq!(p.retry_after_seconds, Some(15 * 60));
    assert!(err
        .user_message(nhi_core::i18n::Lang::En)
        .contains("15 minute"));

    // Even the right password waits out the lock...
    t.clock.advance(Duration::minutes(10));
    let err = login(ADULT_PASSWORD).await.unwrap_err();
    let ClientError::Problem(p) = err else {
        panic!("{err:?}")
    };
    assert_eq!(p.code, ProblemCode::AccountLocked);
    assert_eq!(p.retry_after_seconds, Some(5 * 60));

    // ...and works once it is over.
    t.clock.advance(Duration::minutes(5));
    login(ADULT_PASSWORD).await.unwrap();
}

#[tokio::test]
async fn a_session_ends_after_two_hours() {
    let t = TestBackend::spawn().await;
    let login = t.signed_in_adult().await;
    t.clock.advance(Duration::minutes(119));
    t.client.me(&login.token).await.unwrap();
    t.clock.advance(Duration::minutes(1));
    let err = t.client.me(&login.token).await.unwrap_err();
    assert_eq!(code(Err::<(), _>(err.clone())), ProblemCode::SessionExpired);
    assert!(err.needs_sign_in());
}

#[tokio::test]
async fn logout_ends_the_session_on_the_server() {
    let t = TestBackend::spawn().await;
    let login = t.signed_in_adult().await;
    t.client.logout(&login.token).await.unwrap();
    assert_eq!(
        code(t.client.me(&login.token).await),
        ProblemCode::Unauthenticated
    );
}

#[tokio::test]
async fn made_up_tokens_are_refused() {
    let t = TestBackend::spawn().await;
    assert_eq!(
        code(
            t.client
                .me("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .await
        ),
        ProblemCode::Unauthenticated
    );
}

#[tokio::test]
async fn malformed_ids_are_refused_before_any_password_check() {
    let t = TestBackend::spawn().await;
    for id in ["G123456789", "A12345", "1234567890", ""] {
        let err = t.login_unbound(id, ADULT_PASSWORD).await.unwrap_err();
        let ClientError::Problem(p) = err else {
            panic!("{err:?}")
        };
        assert_eq!(p.code, ProblemCode::InvalidIdNumber, "{id:?}");
        assert_eq!(p.status, 422);
        assert!(p.detail.is_some(), "the detail says what is wrong");
    }
}

#[tokio::test]
async fn errors_are_rfc_9457_problem_documents() {
    let t = TestBackend::spawn().await;
    let ca = std::fs::read(t.backend.ca_path()).unwrap();
    let raw = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(&ca).unwrap())
        .build()
        .unwrap();
    let response = raw
        .post(format!("{}/api/v1/sessions", t.backend.base_url()))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["type"], "urn:nhi-express:problem:invalid_request");
    assert_eq!(body["code"], "invalid_request");
    assert_eq!(body["status"], 400);
}

#[tokio::test]
async fn the_openapi_document_describes_the_login() {
    let t = TestBackend::spawn().await;
    let ca = std::fs::read(t.backend.ca_path()).unwrap();
    let raw = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(&ca).unwrap())
        .build()
        .unwrap();
    let doc: serde_json::Value = raw
        .get(format!("{}/api/v1/openapi.json", t.backend.base_url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    assert!(doc["paths"]["/api/v1/sessions"]["post"].is_object());
    assert!(doc["components"]["schemas"]["Problem"].is_object());
}

#[tokio::test]
async fn plain_http_is_refused() {
    let t = TestBackend::spawn().await;
    let mut stream = tokio::net::TcpStream::connect(t.backend.local_addr())
        .await
        .unwrap();
    stream
        .write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("HTTPS only"));
    assert!(!answer.contains("\"ok\""));
}

#[tokio::test]
async fn a_server_with_an_untrusted_certificate_is_refused() {
    let trusted = TestBackend::spawn().await;
    let other = TestBackend::spawn().await;
    // Trusting the first backend's CA only, talk to the second one.
    let ca = std::fs::read(trusted.backend.ca_path()).unwrap();
    let client = ApiClient::new(&other.backend.base_url(), &ca).unwrap();
    let err = client.me("any-token").await.unwrap_err();
    assert_eq!(err, ClientError::UntrustedCertificate);
}

#[tokio::test]
async fn tokens_and_passwords_are_not_stored_in_the_clear() {
    if support::postgres::skip_sqlite_only("tokens_and_passwords_are_not_stored_in_the_clear") {
        return;
    }
    let t = TestBackend::spawn().await;
    let login = t.signed_in_adult().await;
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(t.data_dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().contains("nhi.db") {
            bytes.extend(std::fs::read(path).unwrap());
        }
    }
    let haystack = String::from_utf8_lossy(&bytes);
    assert!(haystack.contains("$argon2id$"), "the database was read");
    assert!(!haystack.contains(&login.token));
    assert!(!haystack.contains(ADULT_PASSWORD));
}

#[tokio::test]
async fn restarting_keeps_the_ca_and_the_data() {
    let t = TestBackend::spawn().await;
    let ca_before = std::fs::read(t.backend.ca_path()).unwrap();
    let login = t.signed_in_adult().await;
    let data_dir = t.data_dir;
    t.backend.shutdown().await;

    let clock = t.clock.clone();
    let backend = nhi_backend::RunningBackend::start(
        nhi_backend::Settings {
            database_url: t.database_url.clone(),
            ..nhi_backend::Settings::local(data_dir.path())
        },
        std::sync::Arc::new(clock),
    )
    .await
    .unwrap();
    let ca_after = std::fs::read(backend.ca_path()).unwrap();
    assert_eq!(ca_before, ca_after, "clients keep trusting the same CA");
    let client = ApiClient::new(&backend.base_url(), &ca_after).unwrap();
    assert_eq!(
        client.me(&login.token).await.unwrap().person.name,
        ADULT_NAME
    );
}
