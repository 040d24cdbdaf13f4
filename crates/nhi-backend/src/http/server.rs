//! The accept loop: TLS on every connection, plain HTTP answered with a refusal, bounded
//! connections, and a graceful shutdown that lets requests in flight finish and closes
//! keep-alive connections cleanly.
//!
//! Slow or hostile clients cannot starve the server: a connection must finish its TLS
//! handshake and each request's headers within a few seconds (idle keep-alive connections
//! are closed the same way), one client address holds at most a few dozen connections at
//! once, request bodies are bounded by bytes and time (`body_limits`), and beyond the global cap the loop stops accepting, so new connections wait in the
//! kernel's queue (back-pressure) instead of exhausting file descriptors.

use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::http::header::{HeaderValue, CONNECTION};
use axum::response::Response;
use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use rustls::ServerConfig;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio_rustls::TlsAcceptor;

/// The first byte of every TLS connection (a handshake record).
const TLS_HANDSHAKE: u8 = 0x16;
/// How long shutdown waits for requests in flight.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);
/// After the listener closes, how long open connections are still served — each answer then
/// saying `Connection: close` — before idle ones are closed. A client that sent a request on a
/// keep-alive connection just as shutdown began gets its answer instead of a reset (closing
/// a connection with an unread request in it makes the kernel reset it).
const LAST_ANSWERS: Duration = Duration::from_secs(2);

/// The bounds on connections.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Connections served at once; beyond it the loop waits before accepting more.
    pub max_connections: usize,
    /// Connections one client address may hold at once; more are closed at once.
    pub max_per_client: usize,
    /// Time to say anything and finish the TLS handshake.
    pub handshake_timeout: Duration,
    /// Time to send a request's headers, and the longest an idle HTTP/1 connection stays.
    pub header_timeout: Duration,
}

impl Limits {
    pub fn with_max_connections(max_connections: usize) -> Self {
        Self {
            max_connections: max_connections.max(1),
            // Enough for a clinic's counters behind one address (and a 64-way burst); five
            // addresses cannot take every slot of the default 512 (5 × 96 = 480).
            max_per_client: 96,
            handshake_timeout: Duration::from_secs(5),
            header_timeout: Duration::from_secs(15),
        }
    }
}

/// What a client that spoke plain HTTP reads before the connection is closed.
const PLAIN_HTTP_BODY: &str =
    "This server speaks HTTPS only. Use https://\n此伺服器僅接受 HTTPS 連線。\n";

fn plain_http_refusal() -> String {
    format!(
        "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Connection: close\r\nContent-Length: {}\r\n\r\n{PLAIN_HTTP_BODY}",
        PLAIN_HTTP_BODY.len()
    )
}

pub async fn serve(
    listener: TcpListener,
    tls: Arc<ServerConfig>,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) {
    let acceptor = TlsAcceptor::from(tls);
    let graceful = GracefulShutdown::new();
    let closing = Arc::new(AtomicBool::new(false));
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let per_client = PerClient::default();
    let mut accept_errors = AcceptErrors::default();
    tokio::pin!(shutdown);
    loop {
        // A free slot first: at the cap, connections wait in the kernel's queue.
        let permit = tokio::select! {
            permit = slots.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let (stream, peer) = match accepted {
            Ok(conn) => {
                accept_errors.recovered();
                conn
            }
            Err(error) => {
                // Out of file descriptors and the like: back off, and say so once per burst.
                tokio::time::sleep(accept_errors.failed(&error)).await;
                continue;
            }
        };
        let Some(client_slot) = per_client.enter(peer.ip(), limits.max_per_client) else {
            tracing::debug!(%peer, "too many connections from one client; closed");
            drop(stream);
            continue;
        };
        let acceptor = acceptor.clone();
        let app = app.clone();
        let watcher = graceful.watcher();
        let closing = closing.clone();
        tokio::spawn(async move {
            let _held = (permit, client_slot);
            let Some(tls_stream) = handshake(stream, &acceptor, limits.handshake_timeout).await
            else {
                tracing::debug!(%peer, "connection closed before TLS was set up");
                return;
            };
            // Handlers see the client's address (attempt limits count per client); once the
            // server is closing, every answer says the connection ends with it.
            let app = app
                .layer(axum::middleware::map_response(
                    move |mut response: Response| {
                        let closing = closing.load(Ordering::Relaxed);
                        async move {
                            if closing {
                                response
                                    .headers_mut()
                                    .insert(CONNECTION, HeaderValue::from_static("close"));
                            }
                            response
                        }
                    },
                ))
                .layer(axum::Extension(ConnectInfo(peer)));
            let service = TowerToHyperService::new(app);
            let mut builder = auto::Builder::new(TokioExecutor::new());
            builder
                .http1()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_timeout);
            builder
                .http2()
                .timer(TokioTimer::new())
                .keep_alive_interval(Some(limits.header_timeout))
                .keep_alive_timeout(limits.header_timeout)
                // Few streams and small windows: a connection holds little unread upload
                // (each body is also charged to its client's budget as it is read).
                .max_concurrent_streams(32)
                .initial_stream_window_size(256 * 1024)
                .initial_connection_window_size(1024 * 1024);
            let conn = builder.serve_connection_with_upgrades(TokioIo::new(tls_stream), service);
            if let Err(error) = watcher.watch(conn.into_owned()).await {
                tracing::debug!(%peer, %error, "connection ended with an error");
            }
        });
    }
    drop(listener);
    closing.store(true, Ordering::Relaxed);
    tracing::info!("no longer accepting; answering what is in flight");
    let last_answers_end = tokio::time::Instant::now() + LAST_ANSWERS;
    while graceful.count() > 0 && tokio::time::Instant::now() < last_answers_end {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("all connections closed"),
        () = tokio::time::sleep(DRAIN_TIMEOUT) => tracing::warn!("shutdown timed out; closing open connections"),
    }
}

/// Completes the TLS handshake, or refuses plain HTTP with a readable answer.
async fn handshake(
    stream: TcpStream,
    acceptor: &TlsAcceptor,
    timeout: Duration,
) -> Option<tokio_rustls::server::TlsStream<TcpStream>> {
    let deadline = tokio::time::Instant::now() + timeout;
    let mut first = [0u8; 1];
    let peeked = tokio::time::timeout_at(deadline, stream.peek(&mut first)).await;
    if !matches!(peeked, Ok(Ok(1))) {
        return None;
    }
    if first[0] != TLS_HANDSHAKE {
        refuse_plain_http(stream).await;
        return None;
    }
    match tokio::time::timeout_at(deadline, acceptor.accept(stream)).await {
        Ok(Ok(tls)) => Some(tls),
        Ok(Err(error)) => {
            tracing::debug!(%error, "TLS handshake failed");
            None
        }
        Err(_) => None,
    }
}

async fn refuse_plain_http(mut stream: TcpStream) {
    tracing::info!("refused a plain-HTTP connection");
    let _ = stream.write_all(plain_http_refusal().as_bytes()).await;
    let _ = stream.shutdown().await;
}

/// Open connections per client address.
#[derive(Clone, Default)]
struct PerClient(Arc<Mutex<HashMap<IpAddr, usize>>>);

/// One connection counted against its client; uncounted when dropped.
struct ClientSlot {
    counts: PerClient,
    ip: IpAddr,
}

impl PerClient {
    fn enter(&self, ip: IpAddr, max: usize) -> Option<ClientSlot> {
        let mut counts = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let n = counts.entry(ip).or_insert(0);
        if *n >= max {
            return None;
        }
        *n += 1;
        Some(ClientSlot {
            counts: self.clone(),
            ip,
        })
    }
}

impl Drop for ClientSlot {
    fn drop(&mut self) {
        let mut counts = self.counts.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = counts.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                counts.remove(&self.ip);
            }
        }
    }
}

/// Accept failures come in bursts (no file descriptors left): logged once when a burst
/// starts and once when it ends, with exponential back-off in between.
#[derive(Default)]
struct AcceptErrors {
    in_a_row: u32,
}

impl AcceptErrors {
    /// How long to wait before accepting again.
    fn failed(&mut self, error: &std::io::Error) -> Duration {
        if self.in_a_row == 0 {
            tracing::warn!(%error, "accepting connections failed; backing off");
        }
        self.in_a_row += 1;
        Duration::from_millis(10u64 << self.in_a_row.min(7))
    }

    fn recovered(&mut self) {
        if self.in_a_row > 0 {
            tracing::info!(failures = self.in_a_row, "accepting connections again");
            self.in_a_row = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_client_slots_are_counted_and_given_back() {
        let per = PerClient::default();
        let ip: IpAddr = "127.0.0.2".parse().unwrap();
        let a = per.enter(ip, 2).unwrap();
        let _b = per.enter(ip, 2).unwrap();
        assert!(per.enter(ip, 2).is_none());
        assert!(per.enter("127.0.0.1".parse().unwrap(), 2).is_some());
        drop(a);
        assert!(per.enter(ip, 2).is_some());
    }

    #[test]
    fn accept_back_off_grows_and_is_capped() {
        let mut e = AcceptErrors::default();
        let err = std::io::Error::other("EMFILE");
        assert_eq!(e.failed(&err), Duration::from_millis(20));
        assert_eq!(e.failed(&err), Duration::from_millis(40));
        for _ in 0..20 {
            e.failed(&err);
        }
        assert_eq!(e.failed(&err), Duration::from_millis(1280));
        e.recovered();
        assert_eq!(e.in_a_row, 0);
    }
}
