//! The web build as the backend serves it: the precompressed file to a browser that accepts
//! brotli or gzip (brotli first), content-hashed files kept for a year, everything else checked again on each visit,
//! and deep links answered with the app's page.

use crate::support;

use std::io::Write;

use support::TestBackend;

const WASM: &str = "nhi-web-0123456789abcdef_bg.wasm";

/// A web folder as `build_web` leaves it: hashed wasm, boot.js, index.html, each with .gz
/// and .br (the .br stands in: the server serves it as it is, never decoding it).
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
        std::fs::write(
            dir.path().join(format!("{name}.br")),
            [b"br:", body].concat(),
        )
        .unwrap();
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
    let get = |path: &str, accepts: &str| {
        let mut request = http.get(format!("{}{path}", t.backend.base_url()));
        if !accepts.is_empty() {
            request = request.header("accept-encoding", accepts);
        }
        request.send()
    };
    let browser = "gzip, deflate, br, zstd";

    let wasm = get(&format!("/{WASM}"), browser).await.unwrap();
    assert_eq!(wasm.status(), 200);
    assert_eq!(wasm.headers()["content-encoding"], "br");
    assert_eq!(
        wasm.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(wasm.headers()["content-type"], "application/wasm");
    assert_eq!(wasm.bytes().await.unwrap().as_ref(), b"br:\0asm-not-really");

    // One that only takes gzip gets gzip.
    let gzip = get(&format!("/{WASM}"), "gzip").await.unwrap();
    assert_eq!(gzip.headers()["content-encoding"], "gzip");
    assert_eq!(gzip.headers()["content-type"], "application/wasm");

    // One that takes neither gets the file as it is.
    let plain = get(&format!("/{WASM}"), "").await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.bytes().await.unwrap().as_ref(), b"\0asm-not-really");

    // boot.js names the current files, so it is never kept without asking.
    let boot = get("/boot.js", browser).await.unwrap();
    assert_eq!(boot.headers()["cache-control"], "no-cache");
    assert!(boot.headers().contains_key("last-modified"));

    // A deep link is the app's page.
    let deep = get("/card/apply?step=photo", browser).await.unwrap();
    assert_eq!(deep.status(), 200);
    assert_eq!(deep.headers()["cache-control"], "no-cache");
    assert_eq!(deep.headers()["content-encoding"], "br");
}
