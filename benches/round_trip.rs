//! The core loop under load: a person's app asks for a card QR (`POST /card/qr`) and the
//! clinic's HIS verifies it (`POST /institution/verifications`) — one round trip.
//!
//! Starts the backend binary built with this bench (the shipped release settings) on a
//! fresh data folder, gives N generated persons an approved card and a signed-in app
//! session, then drives round trips at 1, 8, 32 and 64 concurrent for a fixed time each,
//! over HTTPS with HTTP/1.1 keep-alive, and prints throughput, p50/p90/p99, failures, the
//! verification answer's size, the backend's peak resident memory and the size its SQLite
//! write-ahead log reached, and for each level the CPU time of the backend, of the load
//! generator and of what the hypervisor took from this virtual machine ("steal": on a shared
//! host it changes by the hour, and with it the figures). The load generator
//! shares the machine's cores with the backend, as a clinic's load never would.
//!
//! `cargo bench --features backend --bench round_trip` (NHI_BENCH_PERSONS, NHI_BENCH_SECONDS
//! change the defaults of 256 persons and 5 seconds a level; NHI_BENCH_LEVELS=64 or
//! NHI_BENCH_LEVELS=8,64 runs only those levels). With `NHI_BENCH_DATABASE_URL=postgres://…`
//! the same levels run again with the data in that (empty) PostgreSQL database, after the
//! SQLite run and never beside it, and both engines' figures are printed side by side with
//! their ratio; `NHI_BENCH_INSTANCES=2` starts two backends on that database (one data
//! folder), the workers taking turns between them as behind a load balancer.
//! `scripts/bench-round-trip.sh` starts a throwaway PostgreSQL cluster and does all this.

// Shared with the integration tests; a bench uses only some of it.
#[allow(dead_code)]
#[path = "../tests/support/backend_process.rs"]
mod backend_process;
#[path = "support/cpu.rs"]
mod cpu;
#[path = "support/memory.rs"]
mod memory;

use std::sync::Arc;
use std::time::{Duration, Instant};

use backend_process::{
    bench_database, client, client_from, free_port, generated_id, round_trip, seed_on,
    start_backend_on,
};
use cpu::{cpu_time, stolen_time};
use futures_util::future::BoxFuture;
use memory::{peak_rss_kb, rss_kb};
use nhi_core::api::paths;

const LEVELS: [usize; 4] = [1, 8, 32, 64];

fn levels() -> Vec<usize> {
    match std::env::var("NHI_BENCH_LEVELS") {
        Ok(list) => list
            .split(',')
            .filter_map(|l| l.trim().parse().ok())
            .collect(),
        Err(_) => LEVELS.to_vec(),
    }
}

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
    let instances = setting("NHI_BENCH_INSTANCES", 1).max(1) as usize;
    // SQLite first, then PostgreSQL when a database is named: one after the other on the
    // same machine, never at once, each on a fresh data folder.
    let sqlite = run(None, persons, seconds, 1).await;
    let Some(url) = bench_database() else {
        return;
    };
    let postgres = run(Some(&url), persons, seconds, instances).await;
    println!();
    println!("PostgreSQL against SQLite, from this run ({instances} PostgreSQL instance(s)):");
    println!("concurrent  SQLite/s  PostgreSQL/s  ratio   p99 SQLite  p99 PostgreSQL");
    for ((level, s), (_, p)) in sqlite.levels.iter().zip(&postgres.levels) {
        let (s_rate, p_rate) = (s.rate(), p.rate());
        println!(
            "{level:>10}  {s_rate:>8.0}  {p_rate:>12.0}  {:>5.2}  {:>11}  {:>14}",
            p_rate / s_rate,
            ms(s.percentile(0.99)),
            ms(p.percentile(0.99)),
        );
    }
    for ((name, s), (_, p)) in sqlite.others.iter().zip(&postgres.others) {
        let (s_rate, p_rate) = (s.rate(), p.rate());
        println!(
            "{name:<28} at 8: {s_rate:>6.0}/s  {p_rate:>6.0}/s  ratio {:.2}",
            p_rate / s_rate
        );
    }
}

/// Every level on one engine: the backend(s) started on a fresh data folder, persons seeded,
/// each card verified once, then the levels; the reports by level.
async fn run(database: Option<&str>, persons: usize, seconds: u64, instances: usize) -> Measured {
    let dir = tempfile::tempdir().expect("temp dir");
    let port = free_port();
    let mut backends = vec![start_backend_on(dir.path(), port, database)];
    let mut bases = vec![format!("https://127.0.0.1:{port}")];
    let http = client(dir.path(), &bases[0]).await;
    // The others once the first has made the TLS material and migrated the database.
    for _ in 1..instances {
        let port = free_port();
        backends.push(start_backend_on(dir.path(), port, database));
        bases.push(format!("https://127.0.0.1:{port}"));
        client(dir.path(), bases.last().expect("a base")).await;
    }
    let base = bases[0].clone();

    let tokens = seed_on(dir.path(), persons, database).await;
    println!(
        "round trip (card QR, then the clinic's verification): {persons} persons with approved cards, {seconds} s a level, store {}, {instances} instance(s), backend pids {:?}",
        if database.is_some() { "PostgreSQL" } else { "SQLite" },
        backends.iter().map(|b| b.id()).collect::<Vec<_>>()
    );
    // A card's first verification makes the counter's copy of its photo, once in the card's
    // life: done here for every card, so the levels measure the round trip clinics repeat.
    let started = Instant::now();
    for chunk in tokens.chunks(8) {
        let firsts = chunk.iter().map(|token| round_trip(&http, &base, token));
        for first in futures_util::future::join_all(firsts).await {
            first.expect("a first verification");
        }
    }
    println!(
        "first verifications (each card's counter photo made): {} in {:.1} s",
        tokens.len(),
        started.elapsed().as_secs_f64()
    );
    println!("concurrent  round trips/s      p50      p90      p99   failed  answer bytes");
    let tokens = Arc::new(tokens);
    let mut reports = Vec::new();
    let mut others_reports = Vec::new();
    for level in levels() {
        let before = match database {
            Some(url) => server_counts(url).await,
            None => None,
        };
        let length = Duration::from_secs(seconds);
        let cpu = CpuShare::start(&backends);
        let report = drive(
            dir.path(),
            &bases,
            &tokens,
            level,
            length,
            card_round_trip(),
        )
        .await;
        let cpu = cpu.per(&backends, report.done);
        if let (Some(url), Some(before)) = (database, before) {
            if let Some(after) = server_counts(url).await {
                let per = |n: i64| n as f64 / report.done.max(1) as f64;
                println!(
                    "            the server per round trip: {:.2} statements, {:.2} transactions",
                    per(after.0 - before.0),
                    per(after.1 - before.1)
                );
            }
        }
        println!(
            "{level:>10}  {:>13.0}  {:>7}  {:>7}  {:>7}  {:>7}  {:>12}",
            report.rate(),
            ms(report.percentile(0.50)),
            ms(report.percentile(0.90)),
            ms(report.percentile(0.99)),
            report.failed,
            report.answer_bytes,
        );
        if let Some(why) = &report.first_failure {
            println!("            first failure: {why}");
        }
        println!("            {cpu}");
        reports.push((level, report));
    }
    // A clinic's own client does more with each answer than this one: it reads the JSON and
    // decodes the photo to show it. The same round trip with that work, at 64 concurrent,
    // shows what it costs and where (the load generator shares the backend's cores).
    let cpu = CpuShare::start(&backends);
    let report = drive(
        dir.path(),
        &bases,
        &tokens,
        64,
        Duration::from_secs(seconds),
        card_round_trip_read_by_a_clinic(),
    )
    .await;
    let cpu = cpu.per(&backends, report.done);
    println!(
        "64, each answer read as a clinic's client reads it (JSON parsed, photo's base64 decoded): {:.0}/s, p99 {}, {} failed",
        report.rate(),
        ms(report.percentile(0.99)),
        report.failed
    );
    println!("            {cpu}");
    // The other paths a person takes often, at 8 concurrent.
    println!("other paths at 8 concurrent        per s      p50      p99   failed");
    let others: [(&str, Operation); 3] = [
        (
            "card screen (card, uses)",
            reads(&[paths::CARD, paths::CARD_USES]),
        ),
        ("authorization list", reads(&[paths::AUTHORIZATIONS])),
        ("website login (argon2)", website_login()),
    ];
    for (name, operation) in others {
        let report = drive(
            dir.path(),
            &bases,
            &tokens,
            8,
            Duration::from_secs(seconds),
            operation,
        )
        .await;
        println!(
            "{name:<28}  {:>10.0}  {:>7}  {:>7}  {:>7}",
            report.rate(),
            ms(report.percentile(0.50)),
            ms(report.percentile(0.99)),
            report.failed,
        );
        if let Some(why) = &report.first_failure {
            println!("            first failure: {why}");
        }
        others_reports.push((name, report));
    }
    for backend in &backends {
        println!(
            "backend {} resident memory: {} MB at its peak, {} MB at the end",
            backend.id(),
            peak_rss_kb(backend.id()) / 1024,
            rss_kb(backend.id()) / 1024
        );
    }
    // A log that is never started again from the top grows with every write (30 MB a
    // second here before the backend restarted it), and every read searches it.
    if database.is_none() {
        let wal =
            std::fs::metadata(dir.path().join("data").join("nhi.db-wal")).map_or(0, |m| m.len());
        println!("write-ahead log at the end: {:.1} MB", wal as f64 / 1e6);
    }
    for mut backend in backends {
        let _ = backend.kill();
        let _ = backend.wait();
    }
    Measured {
        levels: reports,
        others: others_reports,
    }
}

/// One engine's figures: the round trip by level, and the other paths.
struct Measured {
    levels: Vec<(usize, Report)>,
    others: Vec<(&'static str, Report)>,
}

/// What the PostgreSQL server has run so far: statements (`pg_stat_statements`, when the
/// server preloads it) and committed transactions of this database. Counted by one
/// connection of the bench's own, whose few queries are within the figures' rounding.
async fn server_counts(url: &str) -> Option<(i64, i64)> {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(url).await.ok()?;
    sqlx::query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        .execute(&mut conn)
        .await
        .ok()?;
    // The statistics collector publishes a transaction's counts when it ends; this is a
    // fresh one, so earlier ones are in.
    let statements: i64 =
        sqlx::query_scalar("SELECT COALESCE(SUM(calls), 0)::BIGINT FROM pg_stat_statements")
            .fetch_one(&mut conn)
            .await
            .ok()?;
    let commits: i64 = sqlx::query_scalar(
        "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()",
    )
    .fetch_one(&mut conn)
    .await
    .ok()?;
    Some((statements, commits))
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

struct Report {
    done: usize,
    failed: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
    answer_bytes: usize,
    /// Why the first failed round trip failed.
    first_failure: Option<String>,
}

impl Report {
    fn rate(&self) -> f64 {
        self.done as f64 / self.elapsed.as_secs_f64()
    }

    fn percentile(&self, p: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        let i = ((self.latencies.len() - 1) as f64 * p).round() as usize;
        self.latencies[i]
    }
}

/// One request (or round trip) of a measured path: the client, the backend's address, a
/// person's session token and number; the answer's size, or why it failed.
type Operation = Arc<
    dyn Fn(reqwest::Client, String, String, usize) -> BoxFuture<'static, Result<usize, String>>
        + Send
        + Sync,
>;

fn card_round_trip() -> Operation {
    Arc::new(|http, base, token, _| {
        Box::pin(async move {
            round_trip(&http, &base, &token)
                .await
                .map(|(_, answer)| answer.len())
                .map_err(|e| why(&e))
        })
    })
}

/// The round trip with the answer read as a clinic's client reads it: the JSON parsed into
/// its fields and the photo's base64 decoded to the JPEG (which the counter then shows).
fn card_round_trip_read_by_a_clinic() -> Operation {
    Arc::new(|http, base, token, _| {
        Box::pin(async move {
            let (_, answer) = round_trip(&http, &base, &token)
                .await
                .map_err(|e| why(&e))?;
            let verification: nhi_core::api::Verification =
                serde_json::from_slice(&answer).map_err(|e| e.to_string())?;
            let photo = verification.photo_jpeg_base64.ok_or("no photo")?;
            let jpeg = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, photo)
                .map_err(|e| e.to_string())?;
            std::hint::black_box(jpeg);
            Ok(answer.len())
        })
    })
}

/// An error with the causes under it (reqwest's own message names only the request).
fn why(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

/// The CPU time the backends and this process (the load generator) spend during a level.
struct CpuShare {
    backends: Duration,
    generator: Duration,
    stolen: Duration,
    started: Instant,
}

impl CpuShare {
    fn start(backends: &[std::process::Child]) -> Self {
        Self {
            backends: backends.iter().map(|b| cpu_time(b.id())).sum(),
            generator: cpu_time(std::process::id()),
            stolen: stolen_time(),
            started: Instant::now(),
        }
    }

    /// Per round trip, over `done` of them.
    fn per(self, backends: &[std::process::Child], done: usize) -> CpuPer {
        let backend: Duration = backends.iter().map(|b| cpu_time(b.id())).sum();
        let generator = cpu_time(std::process::id());
        let done = done.max(1) as f64;
        CpuPer {
            backend_ms: (backend - self.backends).as_secs_f64() * 1000.0 / done,
            generator_ms: (generator - self.generator).as_secs_f64() * 1000.0 / done,
            stolen_ms: stolen_time().saturating_sub(self.stolen).as_secs_f64() * 1000.0 / done,
            wall_ms: self.started.elapsed().as_secs_f64() * 1000.0 / done,
        }
    }
}

struct CpuPer {
    backend_ms: f64,
    generator_ms: f64,
    stolen_ms: f64,
    wall_ms: f64,
}

impl std::fmt::Display for CpuPer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
        write!(
            f,
            "CPU a round trip: backend {:.3} ms, load generator {:.3} ms, of {:.3} ms the {cores} cores had; taken by the host: {:.3} ms",
            self.backend_ms,
            self.generator_ms,
            self.wall_ms * cores,
            self.stolen_ms
        )
    }
}

/// `GET`s of `paths`, one after the other, with the person's session.
fn reads(paths: &'static [&'static str]) -> Operation {
    Arc::new(move |http, base, token, _| {
        Box::pin(async move {
            let mut bytes = 0;
            for path in paths {
                let answer = http
                    .get(format!("{base}/api/v1{path}"))
                    .bearer_auth(&token)
                    .send()
                    .await
                    .and_then(|r| r.error_for_status())
                    .map_err(|e| e.to_string())?;
                bytes += answer.bytes().await.map_err(|e| e.to_string())?.len();
            }
            Ok(bytes)
        })
    })
}

/// The registration website's login (an argon2 check) of generated person `n`.
fn website_login() -> Operation {
    Arc::new(|http, base, _, n| {
        Box::pin(async move {
            let id = generated_id(n).to_string();
            let answer = http
                .post(format!("{base}/register/login"))
                .header("origin", &base)
                .form(&[("id_number", id.as_str()), ("password", "Bench@2026")])
                .send()
                .await
                .map_err(|e| e.to_string())?;
            match answer.status().as_u16() {
                303 => Ok(0),
                other => Err(format!("login answered {other}")),
            }
        })
    })
}

/// `level` workers, each with its own persons and its own client from a loopback address of
/// its own (a clinic's counter, a person's phone), doing `operation` until `length` is up;
/// with several instances the workers are spread over them. (From one address, a client that
/// opens a second connection while its first is being handed back — hyper's pool does — took
/// the address past the 96 connections the backend lets one address hold: the backend closed
/// the extra ones before their TLS handshake, and 5–17 requests a run failed.)
async fn drive(
    dir: &std::path::Path,
    bases: &[String],
    tokens: &Arc<Vec<String>>,
    level: usize,
    length: Duration,
    operation: Operation,
) -> Report {
    let mut clients = Vec::with_capacity(level);
    for w in 0..level {
        let local = std::net::Ipv4Addr::new(127, 0, 1, (w % 250 + 1) as u8);
        clients.push(client_from(dir, &bases[w % bases.len()], Some(local.into())).await);
    }
    // Each client's connection goes back to its pool once its first answer is read through;
    // a request sent before that would open a second connection.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = Instant::now();
    let deadline = started + length;
    let workers: Vec<_> = clients
        .into_iter()
        .enumerate()
        .map(|(w, http)| {
            let base = bases[w % bases.len()].clone();
            let tokens = tokens.clone();
            let operation = operation.clone();
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                let (mut failed, mut answer_bytes, mut turn) = (0, 0, w);
                let mut first_failure = None;
                while Instant::now() < deadline {
                    let person = turn % tokens.len();
                    let token = tokens[person].clone();
                    turn += level;
                    let begun = Instant::now();
                    match operation(http.clone(), base.clone(), token, person).await {
                        Ok(bytes) => {
                            latencies.push(begun.elapsed());
                            answer_bytes = bytes;
                        }
                        Err(error) => {
                            failed += 1;
                            first_failure.get_or_insert(error);
                        }
                    }
                }
                (latencies, failed, answer_bytes, first_failure)
            })
        })
        .collect();
    let mut report = Report {
        done: 0,
        failed: 0,
        elapsed: Duration::ZERO,
        latencies: Vec::new(),
        answer_bytes: 0,
        first_failure: None,
    };
    for worker in workers {
        let (latencies, failed, bytes, first_failure) = worker.await.expect("worker");
        if report.first_failure.is_none() {
            report.first_failure = first_failure;
        }
        report.failed += failed;
        report.answer_bytes = report.answer_bytes.max(bytes);
        report.latencies.extend(latencies);
    }
    report.elapsed = started.elapsed();
    report.done = report.latencies.len();
    report.latencies.sort();
    report
}
