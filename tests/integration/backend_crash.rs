//! Durability across a crash: every verification a clinic was answered survives the backend
//! being killed (SIGKILL) in the middle of a burst. After the restart its QR is still used
//! and its visit number is never handed out again.

use crate::backend_process;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use backend_process::{client, free_port, round_trip, seed, start_backend, CLINIC};
use nhi_core::api::paths;

const PERSONS: usize = 8;
const WORKERS: usize = 16;
/// Acknowledged round trips before the kill.
const BEFORE_THE_KILL: usize = 150;

struct Acknowledged {
    payload: String,
    person: usize,
    visit: String,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verifications_answered_before_a_kill_9_survive_it() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut backend = start_backend(dir.path(), port);
    let base = format!("https://127.0.0.1:{port}");
    let http = client(dir.path(), &base).await;
    let tokens = Arc::new(seed(dir.path(), PERSONS).await);

    let acknowledged = Arc::new(Mutex::new(Vec::<Acknowledged>::new()));
    let workers: Vec<_> = (0..WORKERS)
        .map(|w| {
            let (http, base, tokens) = (http.clone(), base.clone(), tokens.clone());
            let acknowledged = acknowledged.clone();
            tokio::spawn(async move {
                let person = w % PERSONS;
                // Until the backend is gone (bounded in any case).
                for _ in 0..10_000 {
                    let Ok((payload, answer)) = round_trip(&http, &base, &tokens[person]).await
                    else {
                        return;
                    };
                    let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
                    let visit = answer["visit_sequence"].as_str().unwrap().to_owned();
                    acknowledged.lock().unwrap().push(Acknowledged {
                        payload,
                        person,
                        visit,
                    });
                }
            })
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(120);
    while acknowledged.lock().unwrap().len() < BEFORE_THE_KILL {
        assert!(Instant::now() < deadline, "the burst did not get going");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // Mid-burst: other round trips are in flight right now.
    backend.kill().unwrap();
    backend.wait().unwrap();
    for worker in workers {
        worker.await.unwrap();
    }
    let acknowledged = std::mem::take(&mut *acknowledged.lock().unwrap());
    assert!(acknowledged.len() >= BEFORE_THE_KILL);

    let port = free_port();
    let mut backend = start_backend(dir.path(), port);
    let base = format!("https://127.0.0.1:{port}");
    let http = client(dir.path(), &base).await;
    let verify = |payload: String| {
        let (http, base) = (http.clone(), base.clone());
        async move {
            let mut request = http
                .post(format!("{base}/api/v1{}", paths::VERIFICATIONS))
                .json(&serde_json::json!({ "qr_payload": payload }));
            for (name, value) in CLINIC {
                request = request.header(name, value);
            }
            request.send().await.unwrap().status().as_u16()
        }
    };
    // Every code the clinic was answered for is still used: nothing acknowledged was lost.
    let mut refused = 0;
    for chunk in acknowledged.chunks(32) {
        let answers =
            futures_util::future::join_all(chunk.iter().map(|a| verify(a.payload.clone()))).await;
        refused += answers.iter().filter(|&&status| status == 409).count();
    }
    assert_eq!(
        refused,
        acknowledged.len(),
        "answered uses lost in the crash"
    );

    // Each person's numbers were distinct, and the next one is past all of them.
    for person in 0..PERSONS {
        let mut seen: Vec<&str> = acknowledged
            .iter()
            .filter(|a| a.person == person)
            .map(|a| a.visit.as_str())
            .collect();
        let count = seen.len();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), count, "a visit number given twice");
        let (_, answer) = round_trip(&http, &base, &tokens[person]).await.unwrap();
        let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
        let next = answer["visit_sequence"].as_str().unwrap();
        assert!(
            seen.last().is_none_or(|last| next > *last),
            "{next} after {seen:?}"
        );
    }
    backend.kill().unwrap();
    backend.wait().unwrap();
}
