//! Spawning a real backend over TLS on a free loopback port, with a clock the test moves.

#![allow(dead_code)]

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use nhi_express::backend::{RunningBackend, Settings};
use nhi_express::client::ApiClient;
use nhi_express::domain::ManualClock;
use tempfile::TempDir;

pub const ADULT_ID: &str = "A123456789";
pub const ADULT_PASSWORD: &str = "Wang@2026";
pub const ADULT_NAME: &str = "王小明";

pub mod memory_store;

pub struct TestBackend {
    pub backend: RunningBackend,
    pub client: ApiClient,
    pub clock: ManualClock,
    pub data_dir: TempDir,
}

impl TestBackend {
    pub async fn spawn() -> Self {
        let data_dir = tempfile::tempdir().expect("temp dir");
        let clock = ManualClock::new(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap());
        let backend =
            RunningBackend::start(Settings::local(data_dir.path()), Arc::new(clock.clone()))
                .await
                .expect("backend starts");
        let ca = std::fs::read(backend.ca_path()).expect("CA written on first start");
        let client = ApiClient::new(&backend.base_url(), &ca).expect("client");
        Self {
            backend,
            client,
            clock,
            data_dir,
        }
    }
}
