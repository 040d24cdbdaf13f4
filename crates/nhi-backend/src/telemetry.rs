//! Structured logs. Secrets (passwords, tokens) are never put in a span or an event.

use tracing_subscriber::{fmt, EnvFilter};

use super::configuration::LogFormat;

/// Installs the global subscriber once; later calls (tests, embedding) are no-ops.
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_env("NHI_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let builder = fmt().with_env_filter(filter).with_target(false);
    let _ = match format {
        LogFormat::Pretty => builder.try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
}
