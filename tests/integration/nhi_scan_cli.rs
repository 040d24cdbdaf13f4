//! `nhi-scan` as testers and clinic staff use it: text for each file, or why none.

use crate::support;

use std::process::Command;

use support::qr_corpus;

#[test]
fn prints_what_each_file_holds_and_says_why_when_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("screenshot.png");
    std::fs::write(
        &good,
        qr_corpus::png(&qr_corpus::render(
            "NHIEXPRESS:CARD:1:hello-clinic-counter-0123456789abcdef",
            5,
        )),
    )
    .unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not an image").unwrap();

    let out = Command::new(env!("CARGO_BIN_EXE_nhi-scan"))
        .arg(&good)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("screenshot.png: NHIEXPRESS:CARD:1:hello-clinic-counter-0123456789abcdef"),
        "{stdout}"
    );

    let out = Command::new(env!("CARGO_BIN_EXE_nhi-scan"))
        .arg(&good)
        .arg(&text)
        .arg(dir.path().join("missing.jpg"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("notes.txt: no QR code read: the file is not an image"),
        "{stdout}"
    );
    assert!(stdout.contains("missing.jpg: cannot open"), "{stdout}");

    let out = Command::new(env!("CARGO_BIN_EXE_nhi-scan"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
