//! The web build as the backend serves it: the precompressed file to a browser that accepts
//! gzip, content-hashed files kept for a year, everything else checked again on each visit,
//! and deep links answered with the app's page.

use crate::support;

use std::io::Write;

use support::TestBackend;

const WASM: &str = "nhi-web-0123456789abcdef_bg.wasm";

/// A web folder as `build_web` leaves it: hashed wasm, boot.js, index.html, each with .gz.
fn web_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in [
        (WASM, &b"\0asm-not-really"[..]),
        (
            "boot.js",
            b"import init from '/nhi-web-0123456789abcdef.js';",
        ),
        ("index.html", b"<!doctype html><title>NHI Express</title>"),
    ] {
        std::fs::write(dir.path().join(name), body).unwrap();
        let mut gz = flate2::write::GzEncoder::new(
            std::fs::File::create(dir.path().join(format!("{name}.gz"))).unwrap(),
            flate2::Compression::best(),
        );
        gz.write_all(body).unwrap();
        gz.finish().unwrap();
    }
    dir
}

#[tokio::test]
async fn the_web_build_is_served_compressed_with_cache_headers() {
    let web = web_dir();
    let path = web.path().to_owned();
    let t = TestBackend::spawn_with(move |s| s.web_dir = Some(path)).await;
    let ca = std::fs::read(t.backend.ca_path()).unwrap();
    let http = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(&ca).unwrap())
        .build()
        .unwrap();
    let get = |path: &str, gzip: bool| {
        let mut request = http.get(format!("{}{path}", t.backend.base_url()));
        if gzip {
            request = request.header("accept-encoding", "gzip, br");
        }
        request.send()
    };

    let wasm = get(&format!("/{WASM}"), true).await.unwrap();
    assert_eq!(wasm.status(), 200);
    assert_eq!(wasm.headers()["content-encoding"], "gzip");
    assert_eq!(
        wasm.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(wasm.headers()["content-type"], "application/wasm");

    // A browser that does not accept gzip gets the file as it is.
    let plain = get(&format!("/{WASM}"), false).await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.bytes().await.unwrap().as_ref(), b"\0asm-not-really");

    // boot.js names the current files, so it is never kept without asking.
    let boot = get("/boot.js", true).await.unwrap();
    assert_eq!(boot.headers()["cache-control"], "no-cache");
    assert!(boot.headers().contains_key("last-modified"));

    // A deep link is the app's page.
    let deep = get("/card/apply?step=photo", true).await.unwrap();
    assert_eq!(deep.status(), 200);
    assert_eq!(deep.headers()["cache-control"], "no-cache");
    assert_eq!(deep.headers()["content-encoding"], "gzip");
}
