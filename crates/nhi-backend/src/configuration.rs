//! Flags and environment variables of `nhi-backend`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Pretty,
    /// One JSON object per line, for log collectors.
    Json,
}

/// The NHI Express reference backend: the HTTPS API, and later the registration site,
/// reviewer console and institution side, over HTTPS only.
#[derive(Debug, Clone, Parser)]
#[command(name = "nhi-backend", version, about, long_about = None)]
pub struct Settings {
    /// Address to listen on. Port 0 picks a free port.
    #[arg(long, env = "NHI_LISTEN", default_value = "127.0.0.1:8443")]
    pub listen: SocketAddr,

    /// Where the SQLite database and the TLS material live. The CA certificate that
    /// clients must trust is written to DIR/ca.pem on first start.
    #[arg(long, env = "NHI_DATA_DIR", default_value = "nhi-data")]
    pub data_dir: PathBuf,

    /// Serve the web build of the app (the folder with index.html) at `/`.
    #[arg(long, env = "NHI_WEB_DIR")]
    pub web_dir: Option<PathBuf>,

    /// Extra host names or IP addresses for the server certificate, for example the
    /// machine's LAN address so a phone can reach it (localhost and loopback are always in).
    #[arg(long = "hostname", env = "NHI_TLS_HOSTNAMES", value_delimiter = ',')]
    pub hostnames: Vec<String>,

    /// Do not seed the demo persons into a new database.
    #[arg(long, env = "NHI_NO_DEMO_DATA")]
    pub no_demo_data: bool,

    /// Demo switch: approve card applications automatically this many seconds after they
    /// are submitted (testers need not play the NHIA reviewer). A background job approves
    /// them, looking each second; no request of the app does.
    #[arg(long, env = "NHI_AUTO_APPROVE_AFTER", value_name = "SECONDS")]
    pub auto_approve_after: Option<u32>,

    /// How long My Health Bank takes to prepare "today's data" (the real system: about 10
    /// minutes; a few seconds suit demos and tests).
    #[arg(
        long,
        env = "NHI_HEALTH_BANK_DELAY",
        value_name = "SECONDS",
        default_value_t = 600
    )]
    pub health_bank_delay: u32,

    /// The address people and apps reach this backend at, e.g. `https://nhi.example:8443`.
    /// Links in e-mails start with it. Without it: the listen address (`https://127.0.0.1:<port>`,
    /// or `https://localhost:<port>` when listening on every interface).
    #[arg(long, env = "NHI_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,

    /// Demo switch: show every e-mail the backend sends at `/outbox` (with the confirmation
    /// links in them). Off unless asked for: on a real deployment mail goes to people only.
    #[arg(long, env = "NHI_DEMO_OUTBOX")]
    pub demo_outbox: bool,

    /// The most connections served at once; more wait in the kernel's queue until one ends.
    #[arg(long, env = "NHI_MAX_CONNECTIONS", default_value_t = 512)]
    pub max_connections: usize,

    /// Keep the data in PostgreSQL (`postgres://user@host:5432/nhi`, or a Unix socket:
    /// `postgres:///nhi?host=/run/postgresql`) instead of the SQLite file in the data
    /// directory. Several instances may then run on one database; each reads the TLS material
    /// and the server key from the same data directory (shared storage, or copies).
    #[arg(long, env = "NHI_DATABASE_URL", value_name = "URL")]
    pub database_url: Option<String>,

    /// With --database-url: connections this instance keeps open at most (the server's
    /// max_connections must cover every instance's pool).
    #[arg(long, env = "NHI_DATABASE_MAX_CONNECTIONS", default_value_t = 16)]
    pub database_max_connections: u32,

    /// With --database-url: the server cancels a statement running longer than this, and a
    /// request waits at most this long for a free connection before the answer is 503.
    #[arg(
        long,
        env = "NHI_DATABASE_TIMEOUT",
        value_name = "SECONDS",
        default_value_t = 5
    )]
    pub database_timeout: u32,

    /// Log line format.
    #[arg(long, env = "NHI_LOG_FORMAT", value_enum, default_value = "pretty")]
    pub log_format: LogFormat,
}

impl Settings {
    /// Settings for an embedded or test backend: loopback, a free port, demo data and the
    /// demo outbox.
    pub fn local(data_dir: impl Into<PathBuf>) -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            data_dir: data_dir.into(),
            web_dir: None,
            hostnames: Vec::new(),
            no_demo_data: false,
            auto_approve_after: None,
            health_bank_delay: 600,
            public_url: None,
            demo_outbox: true,
            max_connections: 512,
            database_url: None,
            database_max_connections: 16,
            database_timeout: 5,
            log_format: LogFormat::Pretty,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse() {
        let s = Settings::parse_from([
            "nhi-backend",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            "/tmp/x",
            "--hostname",
            "192.0.2.7,nhi.test",
        ]);
        assert_eq!(s.listen.port(), 0);
        assert_eq!(s.hostnames, ["192.0.2.7", "nhi.test"]);
        assert!(!s.no_demo_data);
        assert!(
            !s.demo_outbox,
            "the outbox is a demo switch, off unless asked for"
        );
    }
}
