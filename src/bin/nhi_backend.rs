//! `nhi-backend`: the reference backend as a standalone HTTPS server.

use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use nhi_backend::{telemetry, RunningBackend, Settings};
use nhi_core::domain::SystemClock;

#[tokio::main]
async fn main() -> ExitCode {
    let settings = Settings::parse();
    telemetry::init(settings.log_format);
    let mut backend = match RunningBackend::start(settings, Arc::new(SystemClock)).await {
        Ok(backend) => backend,
        Err(error) => {
            eprintln!("nhi-backend: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("NHI Express reference backend at {}", backend.base_url());
    println!(
        "Clients must trust the CA certificate at {}",
        backend.ca_path().display()
    );
    tokio::select! {
        () = shutdown_signal() => {
            tracing::info!("shutting down");
            backend.shutdown().await;
        }
        () = backend.wait() => {}
    }
    ExitCode::SUCCESS
}

/// Ctrl-C, or SIGTERM from a service manager.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
}
