//! Building the backend from its settings and running it until told to stop.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::http::{header, HeaderValue};
use axum::{middleware, Router};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use super::configuration::Settings;
use super::crypto::server_key::ServerKey;
use super::data_dir::{DataDir, DataDirError};
use super::http::body_limits::{BodyBudget, BodyLimits};
use super::http::tls::{TlsError, TlsMaterial};
use super::http::{guards, lingering};
use super::pages;
use super::routes;
use super::seed;
use super::state::AppState;
use super::store::{PostgresSettings, PostgresStore, SqliteStore, Store, StoreError};
use nhi_core::api::V1;
use nhi_core::domain::Clock;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    DataDir(#[from] DataDirError),
    #[error("cannot read or create the server key: {0}")]
    ServerKey(std::io::Error),
    #[error("the public URL {0:?} must be an https:// address")]
    PublicUrl(String),
    #[error(transparent)]
    Tls(#[from] TlsError),
    #[error("cannot open the database: {0}")]
    Store(#[from] StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

/// How often sessions past their 2 hours are swept from the store.
const SESSION_SWEEP_EVERY: std::time::Duration = std::time::Duration::from_secs(600);

/// A backend serving on a background task.
pub struct RunningBackend {
    local_addr: SocketAddr,
    ca_path: PathBuf,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
    sweeper: JoinHandle<()>,
    /// Held while the backend runs: no second backend on the same data directory.
    _data_dir: DataDir,
}

impl RunningBackend {
    /// Starts the backend on the current Tokio runtime.
    pub async fn start(settings: Settings, clock: Arc<dyn Clock>) -> Result<Self, StartupError> {
        super::heavy::return_big_blocks_to_the_system();
        let data_dir = match settings.database_url {
            Some(_) => DataDir::open_shared(&settings.data_dir)?,
            None => DataDir::open(&settings.data_dir)?,
        };
        let dir = data_dir.path();
        let preparing = data_dir.preparing()?;
        let tls = TlsMaterial::ensure(dir, &settings.hostnames)?;
        let key = ServerKey::load_or_create(dir).map_err(StartupError::ServerKey)?;
        drop(preparing);
        let store: Arc<dyn Store> = match &settings.database_url {
            Some(url) => {
                let postgres = PostgresStore::open(&PostgresSettings {
                    max_connections: settings.database_max_connections,
                    statement_timeout: Duration::from_secs(settings.database_timeout.into()),
                    acquire_timeout: Duration::from_secs(settings.database_timeout.into()),
                    ..PostgresSettings::new(url)
                })
                .await?;
                if !settings.no_demo_data {
                    // Instances starting together seed once: the others wait, then find
                    // the data there.
                    let _seeding = postgres.wait_for_job("seed demo data").await?;
                    seed_demo_data(&postgres, &key).await?;
                }
                Arc::new(postgres)
            }
            None => {
                let sqlite = SqliteStore::open(&dir.join("nhi.db")).await?;
                if !settings.no_demo_data {
                    seed_demo_data(&sqlite, &key).await?;
                }
                Arc::new(sqlite)
            }
        };
        data_dir.tighten()?;
        let listener =
            TcpListener::bind(settings.listen)
                .await
                .map_err(|source| StartupError::Listen {
                    addr: settings.listen,
                    source,
                })?;
        let local_addr = listener
            .local_addr()
            .map_err(|source| StartupError::Listen {
                addr: settings.listen,
                source,
            })?;
        let public_url = match &settings.public_url {
            Some(url) if url.starts_with("https://") => url.trim_end_matches('/').to_owned(),
            Some(url) => return Err(StartupError::PublicUrl(url.clone())),
            None => base_url_of(local_addr),
        };
        let webauthn = crate::auth::passkeys::relying_party(&public_url).map(Arc::new);
        let state = AppState {
            webauthn,
            store,
            clock,
            key: Arc::new(key),
            recent_clinic_cards: Arc::default(),
            counter_photo_texts: Arc::default(),
            public_url: public_url.into(),
            demo_outbox: settings.demo_outbox,
            auto_approve_after: settings
                .auto_approve_after
                .map(|s| chrono::Duration::seconds(i64::from(s))),
            health_bank_delay: chrono::Duration::seconds(i64::from(settings.health_bank_delay)),
        };
        let sweeper = tokio::spawn(sweep(state.clone()));
        let app = app(state, settings.web_dir.as_deref());
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(super::http::server::serve(
            listener,
            tls.server_config()?,
            app,
            super::http::server::Limits::with_max_connections(settings.max_connections),
            async {
                let _ = stopped.await;
            },
        ));
        tracing::info!(%local_addr, ca = %tls.ca_path.display(), "serving HTTPS");
        Ok(Self {
            local_addr,
            ca_path: tls.ca_path,
            stop: Some(stop),
            task,
            sweeper,
            _data_dir: data_dir,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// The address clients use. A wildcard listen address is reached through loopback.
    pub fn base_url(&self) -> String {
        base_url_of(self.local_addr)
    }

    /// The CA certificate clients must trust (PEM).
    pub fn ca_path(&self) -> &std::path::Path {
        &self.ca_path
    }

    /// Stops accepting, lets requests in flight finish, and returns when done.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = (&mut self.task).await;
        self.sweeper.abort();
    }

    /// Waits until the server task ends (it ends only after `shutdown`, or if it fails).
    pub async fn wait(&mut self) {
        let _ = (&mut self.task).await;
    }
}

/// Every door of the backend on one router: the JSON API under `/api/v1`, the pages of the
/// registration website, the reviewer console and the counter, the language switch and the
/// web build of the app — then what every request passes through, outermost last.
fn app(state: AppState, web_dir: Option<&Path>) -> Router {
    Router::new()
        .nest(V1, routes::api(state.clone()))
        .merge(pages::site::router(state.clone()))
        .merge(pages::review::router(state.clone()))
        .merge(pages::counter::router(state))
        .merge(pages::page_lang::router())
        .merge(routes::web_app(web_dir))
        .layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(middleware::from_fn(guards::page_headers))
        .layer(middleware::from_fn(guards::same_origin_forms))
        // Bodies are bounded by bytes and time before a handler reads them, and a refusal
        // sent before the body was read still reaches an uploading client.
        .layer(middleware::from_fn_with_state(
            BodyBudget::new(BodyLimits::default()),
            lingering::bound_and_drain_bodies,
        ))
        // A panicking handler answers 500 (a problem document) and the server carries on.
        .layer(CatchPanicLayer::custom(guards::panic_as_problem))
        .layer(TraceLayer::new_for_http())
}

fn base_url_of(addr: SocketAddr) -> String {
    let ip = addr.ip();
    let host = if ip.is_unspecified() {
        "localhost".to_string()
    } else if ip.is_ipv6() {
        format!("[{ip}]")
    } else {
        ip.to_string()
    };
    format!("https://{host}:{}", addr.port())
}

/// Background chores: sweeping expired sessions (refused anyway; this keeps the table
/// small) and, with the demo switch on, approving applications that have waited long enough.
/// The demo persons, institutions, certificates and health records, where missing.
async fn seed_demo_data(store: &dyn Store, key: &ServerKey) -> Result<(), StoreError> {
    if seed::seed_if_empty(store).await? {
        tracing::info!("seeded the demo persons");
    }
    seed::institutions::seed_if_missing(store, key).await?;
    seed::seed_certificates(store).await?;
    seed::health::seed_if_missing(store).await
}

async fn sweep(state: AppState) {
    let tick = if state.auto_approve_after.is_some() {
        std::time::Duration::from_secs(1)
    } else {
        SESSION_SWEEP_EVERY
    };
    let mut since_session_sweep = std::time::Duration::ZERO;
    loop {
        tokio::time::sleep(tick).await;
        since_session_sweep += tick;
        if since_session_sweep >= SESSION_SWEEP_EVERY {
            since_session_sweep = std::time::Duration::ZERO;
            // With several instances on one database, one of them sweeps each round.
            if let Some(_sweeping) = job(&state, "sweep sessions and attempt counts").await {
                match state
                    .store
                    .delete_sessions_expired_by(state.clock.now())
                    .await
                {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(sessions = n, "swept expired sessions"),
                    Err(error) => tracing::warn!(%error, "could not sweep expired sessions"),
                }
                // Attempt counts are kept a day past the longest window (the phone path's
                // hour), so an attacker's made-up IDs and user names do not pile up.
                let before = state.clock.now() - chrono::Duration::days(1);
                if let Err(error) = state.store.sweep_attempts(before).await {
                    tracing::warn!(%error, "could not sweep old attempt counts");
                }
                // Quick sign-in challenges live a minute; an hour on, a late one is simply
                // unknown rather than told late.
                let hour_ago = state.clock.now() - chrono::Duration::hours(1);
                if let Err(error) = state.store.sweep_challenges(hour_ago).await {
                    tracing::warn!(%error, "could not sweep quick sign-in challenges");
                }
            }
        }
        if state.auto_approve_after.is_some() {
            if let Some(_approving) = job(&state, "approve due applications").await {
                if let Err(error) = super::services::card_review::auto_approve_due(&state).await {
                    tracing::warn!(%error, "automatic approval failed");
                }
            }
        }
    }
}

/// The job's lock when this instance may run it now.
async fn job(state: &AppState, name: &str) -> Option<crate::store::JobLock> {
    match state.store.try_job(name).await {
        Ok(lock) => lock,
        Err(error) => {
            tracing::warn!(%error, job = name, "could not take the job's lock");
            None
        }
    }
}
