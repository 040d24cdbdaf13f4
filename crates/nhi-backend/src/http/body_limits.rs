//! Request bodies are bounded before a handler sees a byte of them: by the bytes held at
//! once — per client address and for the whole server — and by time — a body that makes no
//! progress for `idle`, or is not whole within `whole`, is dropped. A handler that buffers a
//! body (an image upload) therefore holds at most the budget, however many connections or
//! HTTP/2 streams a client opens, and a client that sends one byte now and then cannot keep a
//! connection slot for long.
//!
//! The bytes a request was charged are given back when its answer has been made (the handler
//! may keep the body until then: a photo waits for its decoder).

use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, Ipv6Addr};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use http_body::{Frame, SizeHint};
use tokio::time::{Instant, Sleep};

use nhi_core::api::{Problem, ProblemCode};

/// The bounds on request bodies.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimits {
    /// Bytes of bodies one client address (an IPv6 /64) may have in the server at once: one
    /// photo of the largest kind any route takes, and some.
    pub per_client: usize,
    /// Bytes of bodies the whole server holds at once.
    pub total: usize,
    /// A body that sends nothing for this long is dropped.
    pub idle: Duration,
    /// A body that is not whole after this long is dropped.
    pub whole: Duration,
}

impl Default for BodyLimits {
    fn default() -> Self {
        Self {
            per_client: 24 * 1024 * 1024,
            total: 96 * 1024 * 1024,
            idle: Duration::from_secs(10),
            whole: Duration::from_secs(60),
        }
    }
}

/// Why a body was cut off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyRefusal {
    /// The client already has its share of bytes in the server.
    ClientBudget,
    /// The server holds all the bytes it takes at once.
    ServerBudget,
    /// The body stalled, or took too long in all.
    TooSlow,
}

impl BodyRefusal {
    /// The answer the client gets instead of the handler's.
    pub fn problem(self) -> Problem {
        match self {
            Self::ClientBudget => Problem::of(ProblemCode::TooManyAttempts)
                .with_detail("Too many uploads at once from this network. Try again in a moment.")
                .with_retry_after(5),
            Self::ServerBudget => Problem::of(ProblemCode::ServiceBusy)
                .with_detail("The server is receiving too many uploads. Try again in a moment.")
                .with_retry_after(2),
            Self::TooSlow => Problem::of(ProblemCode::UploadTooSlow).with_detail(
                "The upload stalled or took too long. Try again on a better connection.",
            ),
        }
    }
}

impl std::fmt::Display for BodyRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::ClientBudget => "the client's body budget is spent",
            Self::ServerBudget => "the server's body budget is spent",
            Self::TooSlow => "the body was too slow",
        })
    }
}

impl std::error::Error for BodyRefusal {}

/// Who a body is counted against: the address, or for IPv6 its /64 (one subscriber's
/// network hands out a whole /64).
fn client_key(ip: Option<IpAddr>) -> IpAddr {
    match ip {
        Some(IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
        Some(IpAddr::V6(v6)) => IpAddr::V4(v6.to_ipv4_mapped().expect("checked")),
        Some(v4) => v4,
        None => IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED),
    }
}

/// The bytes of bodies in the server, per client and in all; shared by every connection.
#[derive(Clone)]
pub struct BodyBudget {
    limits: BodyLimits,
    held: Arc<Mutex<Held>>,
}

#[derive(Default)]
struct Held {
    total: usize,
    per_client: HashMap<IpAddr, usize>,
}

impl BodyBudget {
    pub fn new(limits: BodyLimits) -> Self {
        Self {
            limits,
            held: Arc::default(),
        }
    }

    pub fn limits(&self) -> BodyLimits {
        self.limits
    }

    /// A meter for one request's body from `ip`.
    pub fn meter(&self, ip: Option<IpAddr>) -> Arc<Meter> {
        Arc::new(Meter {
            budget: self.clone(),
            client: client_key(ip),
            state: Mutex::new(MeterState::default()),
        })
    }

    /// The bytes held now, in all (for tests and logs).
    pub fn held(&self) -> usize {
        self.lock().total
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Held> {
        self.held.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn take(&self, client: IpAddr, n: usize) -> Result<(), BodyRefusal> {
        let mut held = self.lock();
        let mine = held.per_client.get(&client).copied().unwrap_or(0);
        if mine + n > self.limits.per_client {
            return Err(BodyRefusal::ClientBudget);
        }
        if held.total + n > self.limits.total {
            return Err(BodyRefusal::ServerBudget);
        }
        held.total += n;
        *held.per_client.entry(client).or_insert(0) += n;
        Ok(())
    }

    fn give_back(&self, client: IpAddr, n: usize) {
        if n == 0 {
            return;
        }
        let mut held = self.lock();
        held.total = held.total.saturating_sub(n);
        if let Some(mine) = held.per_client.get_mut(&client) {
            *mine = mine.saturating_sub(n);
            if *mine == 0 {
                held.per_client.remove(&client);
            }
        }
    }
}

/// One request's share of the budget: what it was charged, and why it was cut off.
pub struct Meter {
    budget: BodyBudget,
    client: IpAddr,
    state: Mutex<MeterState>,
}

#[derive(Default)]
struct MeterState {
    charged: usize,
    refusal: Option<BodyRefusal>,
    /// Past the handler, what is left is read only to be thrown away: nothing is held.
    discarding: bool,
}

impl Meter {
    fn lock(&self) -> std::sync::MutexGuard<'_, MeterState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn charge(&self, n: usize) -> Result<(), BodyRefusal> {
        let mut state = self.lock();
        if state.discarding {
            return Ok(());
        }
        if let Err(refusal) = self.budget.take(self.client, n) {
            state.refusal = Some(refusal);
            return Err(refusal);
        }
        state.charged += n;
        Ok(())
    }

    fn refuse(&self, refusal: BodyRefusal) {
        self.lock().refusal.get_or_insert(refusal);
    }

    /// Why the body was cut off, if it was.
    pub fn refusal(&self) -> Option<BodyRefusal> {
        self.lock().refusal
    }

    /// The handler is done: give back what it held; the rest is read only to be dropped.
    pub fn discard_the_rest(&self) {
        let mut state = self.lock();
        state.discarding = true;
        self.budget
            .give_back(self.client, std::mem::take(&mut state.charged));
    }
}

impl Drop for Meter {
    fn drop(&mut self) {
        let charged = std::mem::take(&mut self.lock().charged);
        self.budget.give_back(self.client, charged);
    }
}

/// A request body charged to its meter as it arrives, and cut off when it stalls or drags.
pub struct BoundedBody {
    inner: Body,
    meter: Arc<Meter>,
    idle_for: Duration,
    idle: Option<Pin<Box<Sleep>>>,
    whole: Option<Pin<Box<Sleep>>>,
    deadline: Instant,
    cut_off: bool,
}

impl BoundedBody {
    pub fn new(inner: Body, meter: Arc<Meter>, limits: BodyLimits) -> Self {
        Self {
            inner,
            meter,
            idle_for: limits.idle,
            idle: None,
            whole: None,
            deadline: Instant::now() + limits.whole,
            cut_off: false,
        }
    }

    fn cut(&mut self, refusal: BodyRefusal) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        self.meter.refuse(refusal);
        self.cut_off = true;
        Poll::Ready(Some(Err(axum::Error::new(refusal))))
    }

    /// Whether either clock ran out while the body was waited for.
    fn out_of_time(&mut self, cx: &mut Context<'_>) -> bool {
        let idle_for = self.idle_for;
        let deadline = self.deadline;
        // The timers start the first time the body keeps its reader waiting.
        let idle = self
            .idle
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(idle_for)));
        let whole = self
            .whole
            .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(deadline)));
        idle.as_mut().poll(cx).is_ready() || whole.as_mut().poll(cx).is_ready()
    }
}

impl http_body::Body for BoundedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        if self.cut_off {
            return Poll::Ready(None);
        }
        match Pin::new(&mut self.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                let size = frame.data_ref().map_or(0, Bytes::len);
                if let Err(refusal) = self.meter.charge(size) {
                    return self.cut(refusal);
                }
                if Instant::now() >= self.deadline {
                    return self.cut(BodyRefusal::TooSlow);
                }
                let next_idle = Instant::now() + self.idle_for;
                if let Some(idle) = self.idle.as_mut() {
                    idle.as_mut().reset(next_idle);
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Ready(other) => Poll::Ready(other),
            Poll::Pending => {
                if self.out_of_time(cx) {
                    self.cut(BodyRefusal::TooSlow)
                } else {
                    Poll::Pending
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.cut_off || self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    fn limits() -> BodyLimits {
        BodyLimits {
            per_client: 100,
            total: 250,
            idle: Duration::from_millis(50),
            whole: Duration::from_secs(5),
        }
    }

    fn ip(last: u8) -> Option<IpAddr> {
        Some(IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, last)))
    }

    async fn read(budget: &BodyBudget, from: Option<IpAddr>, n: usize) -> (Arc<Meter>, bool) {
        let meter = budget.meter(from);
        let body = BoundedBody::new(Body::from(vec![0u8; n]), meter.clone(), budget.limits());
        let ok = body.collect().await.is_ok();
        (meter, ok)
    }

    #[tokio::test]
    async fn a_client_holds_at_most_its_share_and_the_server_at_most_the_total() {
        let budget = BodyBudget::new(limits());
        let (a, ok) = read(&budget, ip(2), 80).await;
        assert!(ok);
        let (b, ok) = read(&budget, ip(2), 30).await;
        assert!(!ok, "80 + 30 is past the client's 100");
        assert_eq!(b.refusal(), Some(BodyRefusal::ClientBudget));
        let (_c, ok) = read(&budget, ip(3), 100).await;
        assert!(ok);
        let (d, ok) = read(&budget, ip(4), 90).await;
        assert!(!ok, "80 + 100 + 90 is past the server's 250");
        assert_eq!(d.refusal(), Some(BodyRefusal::ServerBudget));
        assert_eq!(budget.held(), 180);
        drop((a, b, d));
        assert_eq!(budget.held(), 100, "given back when the request is done");
        let (_e, ok) = read(&budget, ip(2), 100).await;
        assert!(ok);
    }

    #[tokio::test]
    async fn an_ipv6_network_is_one_client() {
        let budget = BodyBudget::new(limits());
        let one: IpAddr = "2001:db8:1:2::10".parse().unwrap();
        let other: IpAddr = "2001:db8:1:2:ffff::1".parse().unwrap();
        let (_a, ok) = read(&budget, Some(one), 80).await;
        assert!(ok);
        let (_b, ok) = read(&budget, Some(other), 80).await;
        assert!(!ok, "the same /64");
    }

    #[tokio::test]
    async fn discarding_gives_back_and_holds_nothing_more() {
        let budget = BodyBudget::new(limits());
        let (meter, _) = read(&budget, ip(2), 90).await;
        meter.discard_the_rest();
        assert_eq!(budget.held(), 0);
        assert!(
            meter.charge(1000).is_ok(),
            "what is thrown away is not held"
        );
        assert_eq!(budget.held(), 0);
    }

    #[tokio::test]
    async fn a_stalled_body_is_cut_off() {
        let budget = BodyBudget::new(limits());
        let meter = budget.meter(ip(2));
        let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(1);
        let stream = futures_util::stream::unfold(rx, |mut rx| async move {
            rx.recv().await.map(|b| (Ok::<_, std::io::Error>(b), rx))
        });
        let inner = Body::from_stream(stream);
        tx.send(Bytes::from_static(b"a")).await.unwrap();
        let mut body = BoundedBody::new(inner, meter.clone(), budget.limits());
        assert!(
            body.frame().await.unwrap().is_ok(),
            "the first byte arrives"
        );
        // Then nothing for longer than `idle`.
        let next = body.frame().await.unwrap();
        assert!(next.is_err());
        assert_eq!(meter.refusal(), Some(BodyRefusal::TooSlow));
        drop(tx);
    }
}
