//! Decode rate and time of the QR pipeline on a generated corpus of photographed-like
//! distortions of the app's own codes, against rqrr alone and rxing alone; and the time to
//! read one 12-megapixel camera photo of a card QR (scaled down before detection).
//! Run with `cargo bench --features backend --bench qr_decode`; prints figures.

// Shared with the integration tests; a bench uses only some of it.
#[allow(dead_code)]
#[path = "../tests/support/qr_corpus.rs"]
mod qr_corpus;

use std::time::{Duration, Instant};

use nhi_backend::services::qr_scan;

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
    twelve_megapixel_photo();
}

/// A 4000×3000 camera-like photo (sensor noise, grey surround) with a card QR filling a
/// fifth of its width, as a phone held over a counter takes it.
fn twelve_megapixel_photo() {
    let payload = format!("NHIEXPRESS:CARD:1:{}", "Tk3n".repeat(17));
    let code = qr_corpus::render(&payload, 16);
    let mut photo = image::GrayImage::from_pixel(4000, 3000, image::Luma([150]));
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    for p in photo.pixels_mut() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        p.0[0] = (i16::from(p.0[0]) + (state % 25) as i16 - 12).clamp(0, 255) as u8;
    }
    image::imageops::overlay(&mut photo, &code, 1600, 1000);
    let mut jpeg = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageLuma8(photo)
        .write_to(&mut jpeg, image::ImageFormat::Jpeg)
        .expect("jpeg");
    let jpeg = jpeg.into_inner();
    let runs = 5;
    let mut read = 0;
    let started = Instant::now();
    for _ in 0..runs {
        read += usize::from(qr_scan::scan(&jpeg).unwrap_or_default().contains(&payload));
    }
    println!(
        "one 12 MP camera photo ({:.1} MB JPEG): read {read}/{runs}, mean {:.0} ms",
        jpeg.len() as f64 / 1e6,
        started.elapsed().as_secs_f64() * 1e3 / f64::from(runs as u32),
    );
}
