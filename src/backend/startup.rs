//! Building the backend from its settings and running it until told to stop.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use super::configuration::Settings;
use super::routes;
use super::seed;
use super::state::AppState;
use super::store::{SqliteStore, StoreError};
use super::tls::{TlsError, TlsMaterial};
use crate::domain::Clock;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
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
}

impl RunningBackend {
    /// Starts the backend on the current Tokio runtime.
    pub async fn start(settings: Settings, clock: Arc<dyn Clock>) -> Result<Self, StartupError> {
        let dir = &settings.data_dir;
        std::fs::create_dir_all(dir).map_err(|source| StartupError::DataDir {
            path: dir.clone(),
            source,
        })?;
        let tls = TlsMaterial::ensure(dir, &settings.hostnames)?;
        let store = SqliteStore::open(&dir.join("nhi.db")).await?;
        if !settings.no_demo_data && seed::seed_if_empty(&store).await? {
            tracing::info!("seeded the demo persons");
        }
        let state = AppState {
            store: Arc::new(store),
            clock,
            auto_approve_after: settings
                .auto_approve_after
                .map(|s| chrono::Duration::seconds(i64::from(s))),
            health_bank_delay: chrono::Duration::seconds(i64::from(settings.health_bank_delay)),
        };
        let sweeper = tokio::spawn(sweep(state.clone()));
        let app = routes::router(state, settings.web_dir.as_deref());
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
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(super::https::serve(
            listener,
            tls.server_config()?,
            app,
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
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// The address clients use. A wildcard listen address is reached through loopback.
    pub fn base_url(&self) -> String {
        let ip = self.local_addr.ip();
        let host = if ip.is_unspecified() {
            "localhost".to_string()
        } else if ip.is_ipv6() {
            format!("[{ip}]")
        } else {
            ip.to_string()
        };
        format!("https://{host}:{}", self.local_addr.port())
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

/// Background chores: sweeping expired sessions (refused anyway; this keeps the table
/// small) and, with the demo switch on, approving applications that have waited long enough.
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
            match state
                .store
                .delete_sessions_expired_by(state.clock.now())
                .await
            {
                Ok(0) => {}
                Ok(n) => tracing::info!(sessions = n, "swept expired sessions"),
                Err(error) => tracing::warn!(%error, "could not sweep expired sessions"),
            }
        }
        if let Err(error) = super::card_review::auto_approve_due(&state).await {
            tracing::warn!(%error, "automatic approval failed");
        }
    }
}
