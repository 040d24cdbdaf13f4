//! The core loop under load: a person's app asks for a card QR (`POST /card/qr`) and the
//! clinic's HIS verifies it (`POST /institution/verifications`) — one round trip.
//!
//! Starts the backend binary built with this bench (the shipped release settings) on a
//! fresh data folder, gives N generated persons an approved card and a signed-in app
//! session, then drives round trips at 1, 8, 32 and 64 concurrent for a fixed time each,
//! over HTTPS with HTTP/1.1 keep-alive, and prints throughput, p50/p90/p99, failures, the
//! verification answer's size and the backend's peak resident memory. The load generator
//! shares the machine's cores with the backend, as a clinic's load never would.
//!
//! `cargo bench --features desktop --bench round_trip` (NHI_BENCH_PERSONS, NHI_BENCH_SECONDS
//! change the defaults of 256 persons and 5 seconds a level).

use std::io::Cursor;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use image::{ImageFormat, Rgb, RgbImage};
use nhi_express::api::{paths, CardQr};
use nhi_express::backend::auth::{password_hash, session_token};
use nhi_express::backend::store::{
    Decision, NewApplication, PersonRecord, SessionKind, Sex, SqliteStore, Upload,
};
use nhi_express::domain::card_application::DocumentKind;
use nhi_express::domain::{CardNumber, IdNumber};

const LEVELS: [usize; 4] = [1, 8, 32, 64];
const CLINIC: [(&str, &str); 4] = [
    ("x-institution-code", "3501200000"),
    ("x-sam-key", "SAM-3501200000"),
    ("x-hpc-id", "HPC-DR-0002"),
    ("x-hpc-pin", "135790"),
];

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[tokio::main]
async fn main() {
    let persons = setting("NHI_BENCH_PERSONS", 256) as usize;
    let seconds = setting("NHI_BENCH_SECONDS", 5);
    let dir = tempfile::tempdir().expect("temp dir");
    let port = free_port();
    let mut backend = start_backend(dir.path(), port);
    let base = format!("https://127.0.0.1:{port}");
    let http = client(dir.path(), &base).await;

    let tokens = seed(dir.path(), persons).await;
    println!(
        "round trip (card QR, then the clinic's verification): {persons} persons with approved cards, {seconds} s a level, backend pid {}",
        backend.id()
    );
    println!("concurrent  round trips/s      p50      p90      p99   failed  answer bytes");
    let tokens = Arc::new(tokens);
    for level in LEVELS {
        let report = drive(&http, &base, &tokens, level, Duration::from_secs(seconds)).await;
        println!(
            "{level:>10}  {:>13.0}  {:>7}  {:>7}  {:>7}  {:>7}  {:>12}",
            report.done as f64 / report.elapsed.as_secs_f64(),
            ms(report.percentile(0.50)),
            ms(report.percentile(0.90)),
            ms(report.percentile(0.99)),
            report.failed,
            report.answer_bytes,
        );
    }
    println!(
        "backend peak resident memory: {} MB",
        peak_rss_kb(backend.id()) / 1024
    );
    let _ = backend.kill();
    let _ = backend.wait();
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn start_backend(dir: &Path, port: u16) -> Child {
    let log = std::fs::File::create(dir.join("backend.log")).expect("log file");
    Command::new(env!("CARGO_BIN_EXE_nhi-backend"))
        .args(["--listen", &format!("127.0.0.1:{port}"), "--data-dir"])
        .arg(dir.join("data"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::from(log.try_clone().expect("log file")))
        .stderr(Stdio::from(log))
        .spawn()
        .expect("the backend starts")
}

/// An HTTPS client trusting the backend's CA, once the backend answers.
async fn client(dir: &Path, base: &str) -> reqwest::Client {
    let ca_path = dir.join("data").join("ca.pem");
    for _ in 0..300 {
        if let Ok(ca) = std::fs::read(&ca_path) {
            let http = reqwest::Client::builder()
                .add_root_certificate(reqwest::Certificate::from_pem(&ca).expect("CA"))
                .http1_only()
                .pool_max_idle_per_host(128)
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
async fn seed(dir: &Path, count: usize) -> Vec<String> {
    let store = SqliteStore::open(&dir.join("data").join("nhi.db"))
        .await
        .expect("the backend's store");
    use nhi_express::backend::store::{Cards, People};
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
                &id,
                SessionKind::App,
                now,
                now + chrono::Duration::hours(2),
            )
            .await
            .expect("session");
        tokens.push(token);
    }
    tokens
}

/// A valid national ID number, different for each `n`.
fn generated_id(n: usize) -> IdNumber {
    let stem = format!("B1{:07}", 1_000_000 + n);
    (0..10)
        .find_map(|check| IdNumber::parse(&format!("{stem}{check}")).ok())
        .expect("one check digit fits")
}

/// A camera-like 600×800 portrait (texture, not flat colour), as approved photos are.
fn portrait_jpeg() -> Vec<u8> {
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

struct Report {
    done: usize,
    failed: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
    answer_bytes: usize,
}

impl Report {
    fn percentile(&self, p: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        let i = ((self.latencies.len() - 1) as f64 * p).round() as usize;
        self.latencies[i]
    }
}

/// `level` workers, each with its own persons, doing round trips until `length` is up.
async fn drive(
    http: &reqwest::Client,
    base: &str,
    tokens: &Arc<Vec<String>>,
    level: usize,
    length: Duration,
) -> Report {
    let started = Instant::now();
    let deadline = started + length;
    let workers: Vec<_> = (0..level)
        .map(|w| {
            let http = http.clone();
            let base = base.to_owned();
            let tokens = tokens.clone();
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                let (mut failed, mut answer_bytes, mut turn) = (0, 0, w);
                while Instant::now() < deadline {
                    let token = &tokens[turn % tokens.len()];
                    turn += level;
                    let begun = Instant::now();
                    match round_trip(&http, &base, token).await {
                        Ok(bytes) => {
                            latencies.push(begun.elapsed());
                            answer_bytes = bytes;
                        }
                        Err(_) => failed += 1,
                    }
                }
                (latencies, failed, answer_bytes)
            })
        })
        .collect();
    let mut report = Report {
        done: 0,
        failed: 0,
        elapsed: Duration::ZERO,
        latencies: Vec::new(),
        answer_bytes: 0,
    };
    for worker in workers {
        let (latencies, failed, bytes) = worker.await.expect("worker");
        report.failed += failed;
        report.answer_bytes = report.answer_bytes.max(bytes);
        report.latencies.extend(latencies);
    }
    report.elapsed = started.elapsed();
    report.done = report.latencies.len();
    report.latencies.sort();
    report
}

/// One QR and its verification; the verification answer's size.
async fn round_trip(http: &reqwest::Client, base: &str, token: &str) -> reqwest::Result<usize> {
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
        .json(&serde_json::json!({ "qr_payload": qr.payload }));
    for (name, value) in CLINIC {
        verify = verify.header(name, value);
    }
    let answer = verify.send().await?.error_for_status()?.bytes().await?;
    Ok(answer.len())
}

/// The process's peak resident set (VmHWM), in kB.
fn peak_rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse().ok())
        })
        .unwrap_or(0)
}
