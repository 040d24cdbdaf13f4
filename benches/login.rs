//! Logins, in the shipped build: the argon2id check (m = 19 MiB, t = 2, p = 1, as OWASP
//! advises) a second at 1 and 2 concurrent, through the code the backend runs; then the
//! release backend under a burst of website logins — its rate, and its resident memory
//! right after the burst and at its peak.
//!
//! `cargo bench --features desktop --bench login`

// Shared with the integration tests; a bench uses only some of it.
#[allow(dead_code)]
#[path = "../tests/support/backend_process.rs"]
mod backend_process;
#[path = "support/memory.rs"]
mod memory;

use std::time::{Duration, Instant};

use backend_process::{client, free_port, generated_id, seed, start_backend};
use futures_util::future::join_all;
use memory::{peak_rss_kb, rss_kb};
use nhi_backend::crypto::password_hash;

const PASSWORD: &str = "Bench@2026";
const CHECKS_EACH: usize = 24;
/// Website logins at once, and how many such waves.
const BURST: usize = 8;
const WAVES: usize = 4;

#[tokio::main]
async fn main() {
    let stored = password_hash::hash(PASSWORD.into()).await.expect("hash");
    println!("argon2id checks (m=19 MiB, t=2, p=1), {CHECKS_EACH} per caller:");
    for callers in [1, 2] {
        let started = Instant::now();
        join_all((0..callers).map(|_| {
            let stored = stored.clone();
            async move {
                for _ in 0..CHECKS_EACH {
                    let right = password_hash::verify(PASSWORD.into(), Some(stored.clone()))
                        .await
                        .expect("check");
                    assert!(right);
                }
            }
        }))
        .await;
        let rate = (callers * CHECKS_EACH) as f64 / started.elapsed().as_secs_f64();
        println!("  {callers} concurrent: {rate:.1} checks/s");
    }

    let dir = tempfile::tempdir().expect("temp dir");
    let port = free_port();
    let mut backend = start_backend(dir.path(), port);
    let base = format!("https://127.0.0.1:{port}");
    let http = client(dir.path(), &base).await;
    seed(dir.path(), BURST * WAVES).await;
    let before = rss_kb(backend.id());
    let started = Instant::now();
    let mut signed_in = 0;
    for wave in 0..WAVES {
        let answers = join_all((0..BURST).map(|n| {
            let id = generated_id(wave * BURST + n).to_string();
            // A browser's form post names its page's origin; the website refuses one without.
            http.post(format!("{base}/register/login"))
                .header("origin", &base)
                .form(&[("id_number", id.as_str()), ("password", PASSWORD)])
                .send()
        }))
        .await;
        signed_in += answers
            .iter()
            .filter(|a| a.as_ref().is_ok_and(|r| r.status() == 303))
            .count();
    }
    let elapsed = started.elapsed();
    // What the backend keeps once the burst is over.
    tokio::time::sleep(Duration::from_millis(500)).await;
    println!(
        "website logins, {WAVES} waves of {BURST} at once: {signed_in}/{} signed in, {:.1} logins/s",
        BURST * WAVES,
        signed_in as f64 / elapsed.as_secs_f64()
    );
    println!(
        "backend resident memory: {} MB before, {} MB after the burst, {} MB at its peak",
        before / 1024,
        rss_kb(backend.id()) / 1024,
        peak_rss_kb(backend.id()) / 1024
    );
    let _ = backend.kill();
    let _ = backend.wait();
}
