//! The release backend as a process of its own on a fresh data folder, with generated
//! persons holding approved cards: what the load bench drives and the crash test kills.
//! Included with `#[path]` by `benches/round_trip.rs` and `tests/backend_crash.rs`.

use std::io::Cursor;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use chrono::{NaiveDate, Utc};
use image::{ImageFormat, Rgb, RgbImage};
use nhi_backend::crypto::{password_hash, session_token};
use nhi_backend::store::{
    Decision, NewApplication, NewSession, PersonRecord, PostgresSettings, PostgresStore,
    SessionKind, Sex, SqliteStore, Store, Upload,
};
use nhi_core::api::{paths, CardQr};
use nhi_core::domain::card_application::DocumentKind;
use nhi_core::domain::{CardNumber, IdNumber};

/// A clinic's three cards, as the backend seeds them.
pub const CLINIC: [(&str, &str); 4] = [
    ("x-institution-code", "3501200000"),
    ("x-sam-key", "SAM-3501200000"),
    ("x-hpc-id", "HPC-DR-0002"),
    ("x-hpc-pin", "135790"),
];

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// The PostgreSQL database a bench runs on (`NHI_BENCH_DATABASE_URL`); SQLite without it.
pub fn bench_database() -> Option<String> {
    std::env::var("NHI_BENCH_DATABASE_URL").ok()
}

pub fn start_backend(dir: &Path, port: u16) -> Child {
    start_backend_on(dir, port, bench_database().as_deref())
}

/// The backend on `database` (PostgreSQL), or on SQLite in `dir` without one.
pub fn start_backend_on(dir: &Path, port: u16, database: Option<&str>) -> Child {
    // Appended: a restarted backend's log follows the first one's.
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("backend.log"))
        .expect("log file");
    let mut command = Command::new(env!("CARGO_BIN_EXE_nhi-backend"));
    if let Some(url) = database {
        command.args(["--database-url", url]);
    }
    command
        .args(["--listen", &format!("127.0.0.1:{port}"), "--data-dir"])
        .arg(dir.join("data"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::from(log.try_clone().expect("log file")))
        .stderr(Stdio::from(log))
        .spawn()
        .expect("the backend starts")
}

/// An HTTPS client trusting the backend's CA, once the backend answers.
pub async fn client(dir: &Path, base: &str) -> reqwest::Client {
    client_from(dir, base, None).await
}

/// `client`, its connections made from `local` (a loopback address of its own: the backend
/// lets one address hold at most 96 connections, as it would one clinic).
pub async fn client_from(
    dir: &Path,
    base: &str,
    local: Option<std::net::IpAddr>,
) -> reqwest::Client {
    let ca_path = dir.join("data").join("ca.pem");
    for _ in 0..300 {
        if let Ok(ca) = std::fs::read(&ca_path) {
            let http = reqwest::Client::builder()
                .local_address(local)
                .add_root_certificate(reqwest::Certificate::from_pem(&ca).expect("CA"))
                .http1_only()
                // Answers as they are (the website's logins answer 303).
                .redirect(reqwest::redirect::Policy::none())
                .pool_max_idle_per_host(128)
                // The backend closes a connection that waits 15 s for a request (its header
                // timeout); a client that reuses one just as it is closed loses that request.
                .pool_idle_timeout(Duration::from_secs(10))
                .build()
                .expect("client");
            let health = format!("{base}/api/v1{}", paths::HEALTH);
            if http.get(&health).send().await.is_ok() {
                return http;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the backend did not start (see its log)");
}

/// `count` persons with an approved photo card and an app session each, written straight
/// into the backend's store (the sign-up path has its own limits); the session tokens.
pub async fn seed(dir: &Path, count: usize) -> Vec<String> {
    seed_on(dir, count, bench_database().as_deref()).await
}

/// `seed` into `database` (PostgreSQL), or into the SQLite file in `dir` without one.
pub async fn seed_on(dir: &Path, count: usize, database: Option<&str>) -> Vec<String> {
    let store: Box<dyn Store> = match database {
        Some(url) => Box::new(
            PostgresStore::open(&PostgresSettings::new(url))
                .await
                .expect("the backend's store"),
        ),
        None => Box::new(
            SqliteStore::open(&dir.join("data").join("nhi.db"))
                .await
                .expect("the backend's store"),
        ),
    };
    let photo = portrait_jpeg();
    // One password hash for all: sessions belong to registered accounts.
    let account = password_hash::hash("Bench@2026".into())
        .await
        .expect("hash");
    let now = Utc::now();
    let mut tokens = Vec::with_capacity(count);
    for n in 0..count {
        let id = generated_id(n);
        store
            .insert_person(&PersonRecord {
                id_number: id.clone(),
                name: format!("測試{n:04}"),
                birth_date: NaiveDate::from_ymd_opt(1980, 1, 1).unwrap(),
                sex: if n % 2 == 0 { Sex::Male } else { Sex::Female },
                card_number: CardNumber::parse(&format!("{:012}", 900_000_000 + n)).unwrap(),
                card_issue_date: NaiveDate::from_ymd_opt(2020, 1, 2).unwrap(),
                card_voided: false,
                email: None,
            })
            .await
            .expect("person");
        store.insert_account(&id, &account).await.expect("account");
        for kind in ["id_document", "photo"] {
            store
                .insert_upload(&Upload {
                    id: format!("bench-{kind}-{n}"),
                    id_number: id.clone(),
                    kind: kind.into(),
                    bytes: photo.clone(),
                    width: 600,
                    height: 800,
                    created_at: now,
                    uploaded_by: None,
                })
                .await
                .expect("upload");
        }
        let number = store
            .submit_application(&NewApplication {
                id_number: id.clone(),
                document_kind: DocumentKind::NationalIdCard,
                document_upload: format!("bench-id_document-{n}"),
                photo_upload: format!("bench-photo-{n}"),
                contact_phone: "0912345678".into(),
                email: "bench@example.tw".into(),
                submitted_at: now,
                applied_by: None,
            })
            .await
            .expect("application");
        store
            .decide(number, &Decision::Approve, "bench", now)
            .await
            .expect("approval");
        let token = session_token::generate();
        store
            .insert_session(
                &session_token::digest(&token),
                NewSession {
                    kind: SessionKind::App,
                    holder: id.as_str(),
                    hpc_id: None,
                    created_at: now,
                    expires_at: now + chrono::Duration::hours(2),
                },
            )
            .await
            .expect("session");
        tokens.push(token);
    }
    tokens
}

/// A valid national ID number, different for each `n`.
pub fn generated_id(n: usize) -> IdNumber {
    let stem = format!("B1{:07}", 1_000_000 + n);
    (0..10)
        .find_map(|check| IdNumber::parse(&format!("{stem}{check}")).ok())
        .expect("one check digit fits")
}

/// A camera-like 600×800 portrait (texture, not flat colour), as approved photos are.
pub fn portrait_jpeg() -> Vec<u8> {
    let image = RgbImage::from_fn(600, 800, |x, y| {
        let noise = ((x * 7919 + y * 104_729) % 61) as u8;
        Rgb([200 + noise % 50, 180 + noise % 70, 160 + noise])
    });
    let mut out = Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(image)
        .write_to(&mut out, ImageFormat::Jpeg)
        .expect("jpeg");
    out.into_inner()
}

/// One QR and its verification: the QR's payload and the clinic's answer.
pub async fn round_trip(
    http: &reqwest::Client,
    base: &str,
    token: &str,
) -> reqwest::Result<(String, Vec<u8>)> {
    let qr: CardQr = http
        .post(format!("{base}/api/v1{}", paths::CARD_QR))
        .bearer_auth(token)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let mut verify = http
        .post(format!("{base}/api/v1{}", paths::VERIFICATIONS))
        .json(&serde_json::json!({ "qr_payload": &qr.payload }));
    for (name, value) in CLINIC {
        verify = verify.header(name, value);
    }
    let answer = verify.send().await?.error_for_status()?.bytes().await?;
    Ok((qr.payload, answer.to_vec()))
}
