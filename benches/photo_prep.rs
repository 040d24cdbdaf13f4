//! How long the device takes to check and prepare a 12-megapixel camera photo for upload
//! (decode, EXIF orientation, background measurement, scaling, JPEG re-encoding).
//! Run with `cargo bench --features ui --bench photo_prep`; prints figures, asserts nothing.

// Shared with the integration tests; a bench uses only some of it.
#[allow(dead_code)]
#[path = "../tests/support/images.rs"]
mod images;

use std::time::{Duration, Instant};

use nhi_photo::prepare_photo;

fn main() {
    let source = images::twelve_mp_camera_photo();
    println!(
        "source: 12 MP camera-like JPEG (sensor noise) with EXIF orientation 6, {:.1} MB",
        source.len() as f64 / 1e6
    );
    // One untimed run warms caches and the allocator.
    let (prepared, _, problems) = prepare_photo(&source).expect("the photo is read");
    assert!(problems.is_empty());
    let runs = 10;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let result = prepare_photo(&source).expect("the photo is read");
            std::hint::black_box(result);
            start.elapsed()
        })
        .collect();
    times.sort();
    let mean = times.iter().sum::<Duration>() / runs;
    println!(
        "prepare_photo over {runs} runs: min {:.0} ms, median {:.0} ms, mean {:.0} ms, max {:.0} ms",
        times[0].as_secs_f64() * 1e3,
        times[runs as usize / 2].as_secs_f64() * 1e3,
        mean.as_secs_f64() * 1e3,
        times[runs as usize - 1].as_secs_f64() * 1e3,
    );
    println!(
        "upload: {}×{} JPEG, {:.0} kB (limit 5 MB)",
        prepared.width,
        prepared.height,
        prepared.jpeg.len() as f64 / 1e3
    );
}
