//! The core loop under load: a person's app asks for a card QR (`POST /card/qr`) and the
//! clinic's HIS verifies it (`POST /institution/verifications`) — one round trip.
//!
//! Starts the backend binary built with this bench (the shipped release settings) on a
//! fresh data folder, gives N generated persons an approved card and a signed-in app
//! session, then drives round trips at 1, 8, 32 and 64 concurrent for a fixed time each,
//! over HTTPS with HTTP/1.1 keep-alive, and prints throughput, p50/p90/p99, failures, the
//! verification answer's size, the backend's peak resident memory and the size its SQLite
//! write-ahead log reached. The load generator
//! shares the machine's cores with the backend, as a clinic's load never would.
//!
//! `cargo bench --features desktop --bench round_trip` (NHI_BENCH_PERSONS, NHI_BENCH_SECONDS
//! change the defaults of 256 persons and 5 seconds a level; NHI_BENCH_LEVELS=64 or
//! NHI_BENCH_LEVELS=8,64 runs only those levels). With
//! `NHI_BENCH_DATABASE_URL=postgres://…` the backend keeps its data in PostgreSQL, and
//! `NHI_BENCH_INSTANCES=2` starts two backends on that database (one data folder), the
//! workers taking turns between them as behind a load balancer.

// Shared with the integration tests; a bench uses only some of it.
#[allow(dead_code)]
#[path = "../tests/support/backend_process.rs"]
mod backend_process;
#[path = "support/memory.rs"]
mod memory;

use std::sync::Arc;
use std::time::{Duration, Instant};

use backend_process::{bench_database, client, free_port, round_trip, seed, start_backend};
use memory::{peak_rss_kb, rss_kb};

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
    let dir = tempfile::tempdir().expect("temp dir");
    let port = free_port();
    let mut backends = vec![start_backend(dir.path(), port)];
    let mut bases = vec![format!("https://127.0.0.1:{port}")];
    let http = client(dir.path(), &bases[0]).await;
    // The others once the first has made the TLS material and migrated the database.
    for _ in 1..instances {
        let port = free_port();
        backends.push(start_backend(dir.path(), port));
        bases.push(format!("https://127.0.0.1:{port}"));
        client(dir.path(), bases.last().expect("a base")).await;
    }
    let base = bases[0].clone();

    let tokens = seed(dir.path(), persons).await;
    println!(
        "round trip (card QR, then the clinic's verification): {persons} persons with approved cards, {seconds} s a level, store {}, {instances} instance(s), backend pids {:?}",
        if bench_database().is_some() { "PostgreSQL" } else { "SQLite" },
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
    for level in levels() {
        let report = drive(&http, &bases, &tokens, level, Duration::from_secs(seconds)).await;
        println!(
            "{level:>10}  {:>13.0}  {:>7}  {:>7}  {:>7}  {:>7}  {:>12}",
            report.done as f64 / report.elapsed.as_secs_f64(),
            ms(report.percentile(0.50)),
            ms(report.percentile(0.90)),
            ms(report.percentile(0.99)),
            report.failed,
            report.answer_bytes,
        );
        if let Some(why) = &report.first_failure {
            println!("            first failure: {why}");
        }
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
    if bench_database().is_none() {
        let wal =
            std::fs::metadata(dir.path().join("data").join("nhi.db-wal")).map_or(0, |m| m.len());
        println!("write-ahead log at the end: {:.1} MB", wal as f64 / 1e6);
    }
    for mut backend in backends {
        let _ = backend.kill();
        let _ = backend.wait();
    }
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
    fn percentile(&self, p: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        let i = ((self.latencies.len() - 1) as f64 * p).round() as usize;
        self.latencies[i]
    }
}

/// `level` workers, each with its own persons, doing round trips until `length` is up; with
/// several instances the workers are spread over them.
async fn drive(
    http: &reqwest::Client,
    bases: &[String],
    tokens: &Arc<Vec<String>>,
    level: usize,
    length: Duration,
) -> Report {
    let started = Instant::now();
    let deadline = started + length;
    let workers: Vec<_> = (0..level)
        .map(|w| {
            let http = http.clone();
            let base = bases[w % bases.len()].clone();
            let tokens = tokens.clone();
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                let (mut failed, mut answer_bytes, mut turn) = (0, 0, w);
                let mut first_failure = None;
                while Instant::now() < deadline {
                    let token = &tokens[turn % tokens.len()];
                    turn += level;
                    let begun = Instant::now();
                    match round_trip(&http, &base, token).await {
                        Ok((_, answer)) => {
                            latencies.push(begun.elapsed());
                            answer_bytes = answer.len();
                        }
                        Err(error) => {
                            failed += 1;
                            first_failure.get_or_insert_with(|| error.to_string());
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
