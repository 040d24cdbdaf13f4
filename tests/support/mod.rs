//! Spawning a real backend over TLS on a free loopback port, with a clock the test moves.

use nhi_core::domain::consent::APP_TERMS_VERSION;
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use nhi_backend::{RunningBackend, Settings};
use nhi_client::client::{ApiClient, ClientError};
use nhi_core::api::{
    BindResponse, BindingProof, DeviceInfo, LoginRequest, LoginResponse, PhoneCheckRequest,
};
use nhi_core::domain::ManualClock;
use tempfile::TempDir;

pub const ADULT_ID: &str = "A123456789";
pub const ADULT_PASSWORD: &str = "Wang@2026";
pub const ADULT_NAME: &str = "王小明";
pub const ADULT_CARD_LAST4: &str = "5678";
pub const ADULT_MOBILE: &str = "0912345678";

/// A device as the app would describe itself; `n` tells devices apart.
pub fn device(n: u8) -> DeviceInfo {
    DeviceInfo {
        device_id: format!("test-device-{n:04}-abcdef"),
        label: format!("Test device {n}"),
    }
}

pub mod card;
pub mod clinic;
pub mod db;
pub mod family;
pub mod images;
pub mod memory_store;
pub mod passkey_authenticator;
pub mod postgres;
pub mod qr_corpus;
pub mod site;
pub mod software_authenticator;
pub mod ui_harness;

pub struct TestBackend {
    pub backend: RunningBackend,
    pub client: ApiClient,
    pub clock: ManualClock,
    pub data_dir: TempDir,
    /// The PostgreSQL database this backend keeps its data in, when the suite runs there.
    pub database_url: Option<String>,
}

impl TestBackend {
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    /// A plain HTTPS client that trusts this backend, follows no redirects and keeps no
    /// cookies: a browser whose every header the test sets.
    pub fn raw_http(&self) -> reqwest::Client {
        let ca = std::fs::read(self.backend.ca_path()).unwrap();
        reqwest::Client::builder()
            .add_root_certificate(reqwest::Certificate::from_pem(&ca).unwrap())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// A backend with some settings changed (demo switches).
    pub async fn spawn_with(change: impl FnOnce(&mut Settings)) -> Self {
        // NHI_TEST_LOG=1 shows the backends' logs (why a request answered 500, say).
        if std::env::var_os("NHI_TEST_LOG").is_some() {
            let _ = tracing_subscriber::fmt().with_test_writer().try_init();
        }
        let data_dir = tempfile::tempdir().expect("temp dir");
        let clock = ManualClock::new(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap());
        let mut settings = Settings::local(data_dir.path());
        settings.database_url = postgres::fresh_database().await;
        change(&mut settings);
        let database_url = settings.database_url.clone();
        let backend = RunningBackend::start(settings, Arc::new(clock.clone()))
            .await
            .expect("backend starts");
        let ca = std::fs::read(backend.ca_path()).expect("CA written on first start");
        let client = ApiClient::new(&backend.base_url(), &ca).expect("client");
        Self {
            backend,
            client,
            clock,
            data_dir,
            database_url,
        }
    }

    /// The phone path for the adult on `device`: telecom check, then the password (kept as
    /// it was). Returns the binding, whose key the device keeps.
    pub async fn bind_adult(&self, device: &DeviceInfo) -> BindResponse {
        self.bind_by_phone(
            ADULT_ID,
            ADULT_CARD_LAST4,
            ADULT_MOBILE,
            ADULT_PASSWORD,
            device,
        )
        .await
    }

    /// The phone path for any person with a monthly-contract number.
    pub async fn bind_by_phone(
        &self,
        id: &str,
        last4: &str,
        mobile: &str,
        password: &str,
        device: &DeviceInfo,
    ) -> BindResponse {
        let check = self
            .client
            .phone_check(&PhoneCheckRequest {
                id_number: id.into(),
                card_last4: last4.into(),
                mobile: mobile.into(),
                terms_version: Some(APP_TERMS_VERSION.into()),
            })
            .await
            .expect("the phone check passes");
        self.client
            .bind(
                device,
                BindingProof::Phone {
                    ticket: check.ticket,
                    password: password.into(),
                },
            )
            .await
            .expect("binding by phone works")
    }

    /// Logs in from `device` with the key it was given.
    pub async fn login(
        &self,
        id: &str,
        password: &str,
        device: &DeviceInfo,
        key: &str,
    ) -> Result<LoginResponse, ClientError> {
        self.client
            .login(&LoginRequest {
                id_number: id.into(),
                password: password.into(),
                device_id: device.device_id.clone(),
                device_key: key.into(),
            })
            .await
    }

    /// Logs in with a password only, from a device that was never bound (so only the
    /// password checks can be reached).
    pub async fn login_unbound(
        &self,
        id: &str,
        password: &str,
    ) -> Result<LoginResponse, ClientError> {
        self.login(id, password, &device(99), "no-key").await
    }

    /// Binds device 1 to the adult and signs in from it.
    pub async fn signed_in_adult(&self) -> LoginResponse {
        let bound = self.bind_adult(&device(1)).await;
        self.login(ADULT_ID, ADULT_PASSWORD, &device(1), &bound.device_key)
            .await
            .expect("the bound adult signs in")
    }
}

/// Raises this process's open-file limit to its hard limit (up to 8,192): the connection
/// attacks hold hundreds or thousands of sockets on the client side.
pub fn allow_many_files() {
    // SAFETY: getrlimit/setrlimit only read and write the struct passed.
    unsafe {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
            limit.rlim_cur = limit.rlim_max.min(8192);
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}
