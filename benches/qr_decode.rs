//! Decode rate and time of the QR pipeline on a generated corpus of photographed-like
//! distortions of the app's own codes, against rqrr alone and rxing alone.
//! Run with `cargo bench --features backend --bench qr_decode`; prints figures.

#[path = "../tests/support/qr_corpus.rs"]
mod qr_corpus;

use std::time::{Duration, Instant};

use nhi_express::backend::qr_scan;

fn main() {
    let per_kind = 12;
    let mut corpus = Vec::new();
    for kind in 0..7 {
        for seed in 0..per_kind {
            let payload = format!("NHIEXPRESS:CARD:1:{}", "Tk3n".repeat(11));
            let (name, img) = qr_corpus::distorted(&payload, kind, seed as u64 + 1);
            corpus.push((name, payload, qr_corpus::png(&img)));
        }
    }
    println!(
        "corpus: {} images, {per_kind} of each of 7 distortions",
        corpus.len()
    );
    type Decoder = fn(&[u8]) -> Vec<String>;
    let decoders: [(&str, Decoder); 3] = [
        ("rqrr alone", |b| {
            qr_scan::working_image(b)
                .map(qr_scan::detect_rqrr)
                .unwrap_or_default()
        }),
        ("rxing alone", |b| {
            qr_scan::working_image(b)
                .map(|i| qr_scan::detect_rxing(&i))
                .unwrap_or_default()
        }),
        ("pipeline (rxing, then rqrr)", |b| {
            qr_scan::scan(b).unwrap_or_default()
        }),
    ];
    for (label, decode) in decoders {
        let mut read = 0;
        let mut per_kind_read = std::collections::BTreeMap::<String, u32>::new();
        let mut total = Duration::ZERO;
        for (name, payload, bytes) in &corpus {
            let start = Instant::now();
            let texts = decode(bytes);
            total += start.elapsed();
            if texts.iter().any(|t| t == payload) {
                read += 1;
                *per_kind_read.entry(name.clone()).or_default() += 1;
            }
        }
        println!(
            "{label:>30}: read {read}/{} ({:.0} %), mean {:.1} ms an image; by kind: {per_kind_read:?}",
            corpus.len(),
            100.0 * read as f64 / corpus.len() as f64,
            total.as_secs_f64() * 1e3 / corpus.len() as f64,
        );
    }
}
