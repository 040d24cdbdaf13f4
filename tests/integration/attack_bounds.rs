//! The work a stranger can cause, bounded by bytes and time (trust under attack, round 2):
//! bodies held open from one address over HTTP/1.1 and HTTP/2, slow bodies from several
//! addresses, images just under the caps, a login meanwhile. The memory figures are read off a
//! backend process of its own (`/proc/<pid>/status`), so no other test's work is counted.
//! Each figure is asserted as a count or a byte bound; times are printed, never asserted.

use nhi_core::domain::consent::APP_TERMS_VERSION;
use std::convert::Infallible;
use std::path::Path;
use std::process::Child;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use futures_util::future::join_all;
use futures_util::StreamExt;
use http_body_util::StreamBody;
use hyper::body::Frame;
use hyper_util::rt::{TokioExecutor, TokioIo};
use nhi_client::client::ApiClient;
use nhi_core::api::{paths, BindingProof, DeviceInfo, LoginRequest, PhoneCheckRequest};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::Mutex;

use crate::backend_process::{self, CLINIC};
use crate::support::images::bomb_png_of;
use crate::support::{allow_many_files, ADULT_CARD_LAST4, ADULT_ID, ADULT_MOBILE, ADULT_PASSWORD};

/// One at a time: each holds hundreds of sockets and works a backend hard.
static ONE_AT_A_TIME: Mutex<()> = Mutex::const_new(());

const MB: u64 = 1024 * 1024;

/// The release-shaped backend as a process of its own on a fresh data folder.
struct OwnBackend {
    child: Child,
    dir: tempfile::TempDir,
    base: String,
    port: u16,
}

impl OwnBackend {
    async fn start() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let port = backend_process::free_port();
        let child = backend_process::start_backend(dir.path(), port);
        let base = format!("https://127.0.0.1:{port}");
        backend_process::client(dir.path(), &base).await;
        Self {
            child,
            dir,
            base,
            port,
        }
    }

    fn ca_path(&self) -> std::path::PathBuf {
        self.dir.path().join("data").join("ca.pem")
    }

    fn client(&self) -> ApiClient {
        ApiClient::new(&self.base, &std::fs::read(self.ca_path()).unwrap()).unwrap()
    }

    fn http(&self) -> reqwest::Client {
        let ca = std::fs::read(self.ca_path()).unwrap();
        reqwest::Client::builder()
            .add_root_certificate(reqwest::Certificate::from_pem(&ca).unwrap())
            .build()
            .unwrap()
    }

    /// The backend's resident memory in bytes.
    fn rss(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<u64>().ok())
            .map_or(0, |kb| kb * 1024)
    }

    /// Samples the memory every few milliseconds until the returned guard is dropped.
    fn sample_peak(self: &Arc<Self>) -> Peak {
        let peak = Arc::new(AtomicU64::new(self.rss()));
        let backend = self.clone();
        let sampling = {
            let peak = peak.clone();
            tokio::spawn(async move {
                loop {
                    peak.fetch_max(backend.rss(), Ordering::Relaxed);
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
            })
        };
        Peak { peak, sampling }
    }
}

impl Drop for OwnBackend {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Peak {
    peak: Arc<AtomicU64>,
    sampling: tokio::task::JoinHandle<()>,
}

impl Peak {
    fn bytes(&self) -> u64 {
        self.peak.load(Ordering::Relaxed)
    }
}

impl Drop for Peak {
    fn drop(&mut self) {
        self.sampling.abort();
    }
}

/// A TLS connection to the backend from `local` (a loopback address), offering `alpn`.
async fn tls_from(
    ca: &Path,
    port: u16,
    local: [u8; 4],
    alpn: &[u8],
) -> std::io::Result<tokio_rustls::client::TlsStream<tokio::net::TcpStream>> {
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(CertificateDer::from_pem_file(ca).expect("the CA"))
        .expect("a CA certificate");
    let mut config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("TLS versions")
    .with_root_certificates(roots)
    .with_no_client_auth();
    config.alpn_protocols = vec![alpn.to_vec()];
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.bind((local, 0).into())?;
    let tcp = socket.connect(([127, 0, 0, 1], port).into()).await?;
    tokio_rustls::TlsConnector::from(Arc::new(config))
        .connect(ServerName::try_from("127.0.0.1").unwrap(), tcp)
        .await
}

/// A body that declares `declared` bytes, sends all but the last, and then waits forever.
fn held_body(
    declared: usize,
) -> StreamBody<impl futures_util::Stream<Item = Result<Frame<Bytes>, Infallible>>> {
    let chunk = Bytes::from(vec![0x5a_u8; 64 * 1024]);
    let mut left = declared - 1;
    let chunks = std::iter::from_fn(move || {
        if left == 0 {
            return None;
        }
        let n = left.min(chunk.len());
        left -= n;
        Some(Ok(Frame::data(chunk.slice(..n))))
    });
    StreamBody::new(futures_util::stream::iter(chunks).chain(futures_util::stream::pending()))
}

const DECLARED: usize = 15 * 1024 * 1024;

fn scan_request<B>(backend: &OwnBackend, body: B) -> hyper::Request<B> {
    hyper::Request::post(format!("{}/api/v1{}", backend.base, paths::QR_SCANS))
        .header("host", format!("127.0.0.1:{}", backend.port))
        .header("content-type", "image/png")
        .header("content-length", DECLARED)
        .body(body)
        .unwrap()
}

/// 48 uploads from one address, each declaring 15 MB and sending all but its last byte:
/// the backend holds at most the client's budget, over HTTP/1.1 (48 connections) and over
/// HTTP/2 (48 streams on one connection), and gives the memory back when they close.
#[tokio::test]
async fn bodies_held_open_from_one_address_stay_within_the_memory_bound() {
    let _one = ONE_AT_A_TIME.lock().await;
    let backend = Arc::new(OwnBackend::start().await);
    let ca = backend.ca_path();
    // Warm: the first requests set up what every later one reuses.
    let http = backend.http();
    for _ in 0..5 {
        http.get(format!("{}/api/v1{}", backend.base, paths::HEALTH))
            .send()
            .await
            .unwrap();
    }
    let idle = backend.rss();

    // HTTP/1.1: one connection an upload.
    let peak = backend.sample_peak();
    let mut held = Vec::new();
    let mut answered = Vec::new();
    for _ in 0..48 {
        let Ok(tls) = tls_from(&ca, backend.port, [127, 0, 0, 2], b"http/1.1").await else {
            continue;
        };
        let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(tls))
            .await
            .unwrap();
        held.push(tokio::spawn(conn));
        let request = scan_request(&backend, held_body(DECLARED));
        answered.push(tokio::spawn(async move {
            sender.send_request(request).await.map(|r| r.status())
        }));
    }
    tokio::time::sleep(Duration::from_secs(4)).await;
    let http1_peak = peak.bytes();
    drop(peak);
    let refused = answered.iter().filter(|a| a.is_finished()).count();
    for task in held.drain(..) {
        task.abort();
    }
    for task in answered.drain(..) {
        task.abort();
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after_http1 = backend.rss();
    println!(
        "HTTP/1.1: 48 held uploads, {refused} answered while held; idle {} MB, peak {} MB, \
         after {} MB",
        idle / MB,
        http1_peak / MB,
        after_http1 / MB
    );

    // HTTP/2: 48 streams on one connection, from another address (whose scans have not
    // been counted yet).
    let peak = backend.sample_peak();
    let tls = tls_from(&ca, backend.port, [127, 0, 0, 3], b"h2")
        .await
        .unwrap();
    let (sender, conn) =
        hyper::client::conn::http2::handshake(TokioExecutor::new(), TokioIo::new(tls))
            .await
            .unwrap();
    let connection = tokio::spawn(conn);
    let streams: Vec<_> = (0..48)
        .map(|_| {
            let mut sender = sender.clone();
            let request = scan_request(&backend, held_body(DECLARED));
            tokio::spawn(async move { sender.send_request(request).await.map(|r| r.status()) })
        })
        .collect();
    tokio::time::sleep(Duration::from_secs(4)).await;
    let http2_peak = peak.bytes();
    drop(peak);
    for task in streams {
        task.abort();
    }
    connection.abort();
    drop(sender);
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after_http2 = backend.rss();
    println!(
        "HTTP/2: 48 held streams; peak {} MB, after {} MB",
        http2_peak / MB,
        after_http2 / MB
    );

    for (what, peak) in [("HTTP/1.1", http1_peak), ("HTTP/2", http2_peak)] {
        let grew = peak.saturating_sub(idle);
        assert!(grew <= 50 * MB, "{what}: {} MB above idle", grew / MB);
    }
    for (what, after) in [("HTTP/1.1", after_http1), ("HTTP/2", after_http2)] {
        let kept = after.saturating_sub(idle);
        assert!(
            kept <= 25 * MB,
            "{what}: {} MB kept after closing",
            kept / MB
        );
    }
    // The server still answers.
    let health = http
        .get(format!("{}/api/v1{}", backend.base, paths::HEALTH))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
}

/// Five addresses each open 103 connections and send a login's body one byte at a time,
/// slower and slower: another client's health checks are all answered meanwhile, and every
/// body that stalls is cut off (408) instead of holding its connection.
#[tokio::test]
async fn slow_bodies_from_five_addresses_leave_another_client_served() {
    let _one = ONE_AT_A_TIME.lock().await;
    allow_many_files();
    let backend = OwnBackend::start().await;
    let ca = backend.ca_path();
    let mut attackers = Vec::new();
    let mut opened = 0;
    for address in 2..=6u8 {
        for _ in 0..103 {
            let Ok(mut tls) = tls_from(&ca, backend.port, [127, 0, 0, address], b"http/1.1").await
            else {
                continue;
            };
            opened += 1;
            // A login: its body is read before anything else is checked.
            let head = format!(
                "POST /api/v1/sessions HTTP/1.1\r\nhost: 127.0.0.1:{}\r\n\
                 content-type: application/json\r\ncontent-length: 1000\r\n\r\n",
                backend.port
            );
            attackers.push(tokio::spawn(async move {
                if tls.write_all(head.as_bytes()).await.is_err() {
                    return None;
                }
                // A byte now and then, then a long silence: alive, but never done.
                for wait in [1, 2, 13] {
                    if tls.write_all(b" ").await.is_err() || tls.flush().await.is_err() {
                        return None;
                    }
                    tokio::time::sleep(Duration::from_secs(wait)).await;
                }
                let mut answer = vec![0u8; 64];
                let n = tokio::time::timeout(Duration::from_secs(5), tls.read(&mut answer))
                    .await
                    .ok()?
                    .ok()?;
                Some(String::from_utf8_lossy(&answer[..n]).into_owned())
            }));
        }
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let http = backend.http();
    let mut answered = 0;
    let mut slowest = Duration::ZERO;
    for _ in 0..20 {
        let started = Instant::now();
        let health = tokio::time::timeout(
            Duration::from_secs(10),
            http.get(format!("{}/api/v1{}", backend.base, paths::HEALTH))
                .send(),
        )
        .await;
        if matches!(health, Ok(Ok(ref r)) if r.status() == 200) {
            answered += 1;
        }
        slowest = slowest.max(started.elapsed());
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let cut_off = join_all(attackers)
        .await
        .into_iter()
        .filter(|a| {
            a.as_ref()
                .is_ok_and(|a| a.as_deref().is_some_and(|s| s.starts_with("HTTP/1.1 408")))
        })
        .count();
    println!(
        "{opened} slow connections opened from 5 addresses; 20 health checks: {answered} \
         answered, the slowest in {slowest:?}; {cut_off} stalled bodies answered 408"
    );
    assert_eq!(answered, 20);
    assert_eq!(cut_off, opened, "every stalled body is cut off");
}

/// A device for the process backend's own tests.
fn device() -> DeviceInfo {
    DeviceInfo {
        device_id: "attack-bounds-device-0001".into(),
        label: "Attack bounds".into(),
    }
}

/// Images just under every cap, all at once: the anonymous scanner's and the clinic's
/// (decoded up to 48 MB), card photos (decoded up to 40 MB), and yesterday's 39.9 MP bombs
/// (deep or transparent: refused from the header now). The backend stays within 300 MB
/// above idle, and a login made meanwhile is answered.
#[tokio::test]
async fn images_just_under_the_caps_stay_within_memory_and_a_login_is_answered() {
    let _one = ONE_AT_A_TIME.lock().await;
    let backend = Arc::new(OwnBackend::start().await);
    let client = backend.client();
    let check = client
        .phone_check(&PhoneCheckRequest {
            id_number: ADULT_ID.into(),
            card_last4: ADULT_CARD_LAST4.into(),
            mobile: ADULT_MOBILE.into(),
            terms_version: Some(APP_TERMS_VERSION.into()),
        })
        .await
        .unwrap();
    let bound = client
        .bind(
            &device(),
            BindingProof::Phone {
                ticket: check.ticket,
                password: ADULT_PASSWORD.into(),
            },
        )
        .await
        .unwrap();
    let token = bound.session.expect("signed in").token;

    // 16 MP of colour: exactly the scanner's 48 MB once decoded.
    let scan_bomb = bomb_png_of(4096, 4096, 8, 2);
    // Just under the card photo's 40 MB once decoded.
    let photo_bomb = bomb_png_of(3700, 3700, 8, 2);
    // Yesterday's: 39.9 MP as RGBA and as 16-bit RGB (160 and 240 MB decoded).
    let deep = [
        bomb_png_of(6320, 6320, 8, 6),
        bomb_png_of(6320, 6320, 16, 2),
    ];
    let http = backend.http();
    let api = |path: &str| format!("{}/api/v1{path}", backend.base);

    let idle = backend.rss();
    let peak = backend.sample_peak();
    let scans = (0..4).map(|i| {
        let body = if i < 2 {
            scan_bomb.clone()
        } else {
            deep[i % 2].clone()
        };
        http.post(api(paths::QR_SCANS)).body(body).send()
    });
    let clinic = (0..4).map(|_| {
        let mut req = http
            .post(api(paths::VERIFICATION_IMAGES))
            .body(scan_bomb.clone());
        for (k, v) in CLINIC {
            req = req.header(k, v);
        }
        req.send()
    });
    let uploads = (0..4).map(|_| {
        http.post(api(paths::PHOTO_UPLOADS))
            .bearer_auth(&token)
            .body(photo_bomb.clone())
            .send()
    });
    let images = join_all(scans.chain(clinic).chain(uploads));
    let login = async {
        // Once the images are in the queues.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let started = Instant::now();
        let answer = client
            .login(&LoginRequest {
                id_number: ADULT_ID.into(),
                password: ADULT_PASSWORD.into(),
                device_id: device().device_id,
                device_key: bound.device_key.clone(),
            })
            .await;
        (answer.is_ok(), started.elapsed())
    };
    let started = Instant::now();
    let (answers, (logged_in, login_took)) = tokio::join!(images, login);
    let images_took = started.elapsed();
    let peak = peak.bytes();
    let statuses: Vec<u16> = answers
        .into_iter()
        .map(|a| a.unwrap().status().as_u16())
        .collect();
    println!(
        "12 images at once: {statuses:?} in {images_took:?}; peak {} MB above idle; \
         a login meanwhile answered in {login_took:?}",
        peak.saturating_sub(idle) / MB
    );
    assert!(logged_in, "the login was answered");
    assert!(
        statuses.iter().all(|s| *s < 500),
        "no server error: {statuses:?}"
    );
    // The deep 39.9 MP bombs are refused from their header, before a pixel is decoded.
    assert_eq!(&statuses[2..4], &[413, 413]);
    let grew = peak.saturating_sub(idle);
    assert!(grew <= 300 * MB, "{} MB above idle", grew / MB);
}

/// SIGTERM while six clients keep their connections busy: the backend stops accepting, answers
/// what it was sent and closes each connection cleanly — no request on an open connection is
/// reset or cut short (a refused new connection afterwards is expected).
#[tokio::test]
async fn a_shutdown_under_load_answers_every_request_it_was_sent() {
    let _one = ONE_AT_A_TIME.lock().await;
    let mut backend = OwnBackend::start().await;
    let url = format!("{}/api/v1{}?q=醫院", backend.base, paths::INSTITUTIONS);
    let clients: Vec<_> = (0..6)
        .map(|_| {
            let http = backend.http();
            let url = url.clone();
            tokio::spawn(async move {
                let (mut answered, mut cut, mut refused) = (0, 0, 0);
                let started = Instant::now();
                while started.elapsed() < Duration::from_secs(8) {
                    match http.get(&url).send().await {
                        Ok(r) if r.status() == 200 => match r.bytes().await {
                            Ok(_) => answered += 1,
                            Err(_) => cut += 1,
                        },
                        Ok(r) => panic!("answered {}", r.status()),
                        // The listener is gone: a new connection is refused, nothing was sent.
                        Err(e) if e.is_connect() => {
                            refused += 1;
                            break;
                        }
                        Err(e) => {
                            println!("cut: {e:?}");
                            cut += 1;
                        }
                    }
                }
                (answered, cut, refused)
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_secs(1)).await;
    // SAFETY: kill only sends a signal to the backend process this test started.
    unsafe {
        libc::kill(backend.child.id() as libc::pid_t, libc::SIGTERM);
    }
    let mut totals = (0, 0, 0);
    for client in clients {
        let (answered, cut, refused) = client.await.unwrap();
        totals = (totals.0 + answered, totals.1 + cut, totals.2 + refused);
    }
    let exited = backend.child.wait().unwrap();
    println!(
        "shutdown under load: {} answered, {} cut off, {} clients refused a new connection; \
         exit {exited}",
        totals.0, totals.1, totals.2
    );
    assert!(totals.0 > 0);
    assert_eq!(totals.1, 0, "requests in flight cut off by the shutdown");
    assert_eq!(totals.2, 6, "every client found the server gone afterwards");
    assert!(exited.success());
}
