//! The on-device photo checks on real images the tests make. Each ends in the right outcome
//! and none crashes.

use crate::support;

use nhi_core::domain::photo_rules::PhotoProblem;
use nhi_core::i18n::{Lang, Msg};
use nhi_photo::{prepare_document, prepare_photo, PrepareError};
use support::images::*;

#[test]
fn a_12_mp_camera_photo_is_turned_upright_checked_and_shrunk_below_5_mb() {
    let source = twelve_mp_sideways_photo();
    let (prepared, facts, problems) = prepare_photo(&source).expect("a camera photo is read");
    assert_eq!(
        (facts.width, facts.height),
        (3000, 4000),
        "EXIF orientation applied"
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert!(prepared.height > prepared.width);
    assert!(prepared.jpeg.len() < 5 * 1024 * 1024);
    assert!(prepared.width.max(prepared.height) <= 1200);
    // What is uploaded is a JPEG that decodes upright.
    let back = image::load_from_memory(&prepared.jpeg).unwrap();
    assert!(back.height() > back.width());
}

#[test]
fn a_dark_background_is_explained() {
    let (_, _, problems) = prepare_photo(&png(&portrait(600, 800, 40))).unwrap();
    assert_eq!(problems, [PhotoProblem::BackgroundNotWhite]);
    let (zh, en) = (
        Msg::from(problems[0]).text(Lang::ZhTw),
        Msg::from(problems[0]).text(Lang::En),
    );
    assert!(zh.contains("白色"));
    assert!(en.contains("white"));
}

#[test]
fn a_tiny_image_is_too_small() {
    let (_, _, problems) = prepare_photo(&png(&portrait(120, 160, 250))).unwrap();
    assert_eq!(problems, [PhotoProblem::TooSmall]);
}

#[test]
fn a_landscape_photo_is_not_a_portrait() {
    let (_, _, problems) = prepare_photo(&jpeg(
        &image::imageops::rotate90(&portrait(600, 800, 250)),
        90,
    ))
    .unwrap();
    assert!(problems.contains(&PhotoProblem::NotPortrait));
}

#[test]
fn a_file_that_is_not_an_image_is_refused() {
    assert!(matches!(
        prepare_photo(b"%PDF-1.4 this is a document"),
        Err(PrepareError::NotAnImage(_))
    ));
    assert!(matches!(
        prepare_photo(&[]),
        Err(PrepareError::NotAnImage(_))
    ));
}

#[test]
fn a_truncated_jpeg_does_not_crash() {
    let whole = jpeg(&portrait(600, 800, 250), 90);
    for cut in [10, 200, whole.len() / 2] {
        // Either refused as damaged, or decoded partially and then judged; never a panic.
        match prepare_photo(&whole[..cut]) {
            Err(PrepareError::NotAnImage(_)) => {}
            Ok((prepared, _, _)) => assert!(!prepared.jpeg.is_empty()),
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
}

#[test]
fn a_30_mb_image_is_prepared_under_the_5_mb_limit() {
    let source = thirty_mb_png();
    assert!(source.len() > 30_000_000, "{} bytes", source.len());
    let (prepared, _, _) = prepare_photo(&source).expect("large sources are fine");
    assert!(prepared.jpeg.len() < 5 * 1024 * 1024);
}

#[test]
fn files_beyond_40_mb_are_refused_before_decoding() {
    assert_eq!(
        prepare_photo(&vec![0u8; 41 * 1024 * 1024]),
        Err(PrepareError::TooLarge)
    );
}

#[test]
fn documents_must_be_readable() {
    let prepared = prepare_document(&document()).unwrap();
    assert!(prepared.jpeg.len() < 5 * 1024 * 1024);
    assert!(matches!(
        prepare_document(&png(&portrait(200, 150, 255))),
        Err(PrepareError::DocumentTooSmall(200, 150))
    ));
}
