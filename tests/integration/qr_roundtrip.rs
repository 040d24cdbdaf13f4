//! The app's QR code reads back to the same payload with the project's own scanner and with
//! each of two independent decoders; photographed versions are read by the pipeline.

use crate::support;

use nhi_backend::services::qr_scan;
use support::qr_corpus;

const PAYLOAD: &str = "NHIEXPRESS:CARD:1:Xq8mP2vL9sR4tY7uW1zA3bC5dE6fG0hJ_kM-nQ2rS4t";

#[test]
fn the_apps_code_reads_back_with_our_scanner_and_two_independent_decoders() {
    // The app draws the same modules as SVG; here they are drawn to pixels.
    let image = qr_corpus::render(PAYLOAD, 6);
    assert_eq!(qr_scan::scan(&qr_corpus::png(&image)).unwrap(), [PAYLOAD]);
    assert_eq!(qr_scan::detect_rqrr(image.clone()), [PAYLOAD]);
    assert_eq!(qr_scan::detect_rxing(&image), [PAYLOAD]);
}

#[test]
fn the_app_renders_the_payload_it_was_given() {
    let svg_url = nhi_client::app::card_qr::qr_image(PAYLOAD);
    assert!(svg_url.starts_with("data:image/svg+xml;base64,"));
}

#[test]
fn photographed_codes_are_read_and_nothing_panics() {
    let mut read = 0;
    let mut total = 0;
    for kind in 0..7 {
        for seed in 1..=3 {
            let (name, img) = qr_corpus::distorted(PAYLOAD, kind, seed);
            total += 1;
            match qr_scan::scan(&qr_corpus::png(&img)) {
                Ok(texts) if texts.iter().any(|t| t == PAYLOAD) => read += 1,
                Ok(other) => panic!("{name}: read something else: {other:?}"),
                Err(_) => {}
            }
        }
    }
    // Every distortion kind is within reach of a ZXing-class reader; most must be read.
    assert!(read * 3 >= total * 2, "read {read} of {total}");
}
