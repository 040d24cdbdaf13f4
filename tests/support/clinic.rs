//! A clinic's HIS talking to the institution API with its "three cards".

use nhi_express::api::paths;

use super::TestBackend;

/// The demo clinic's card readers.
pub const CLINIC: [(&str, &str); 4] = [
    ("x-institution-code", "3501200000"),
    ("x-sam-key", "SAM-3501200000"),
    ("x-hpc-id", "HPC-DR-0002"),
    ("x-hpc-pin", "135790"),
];
/// A dental clinic outside the virtual-card programme.
pub const DENTIST: [(&str, &str); 4] = [
    ("x-institution-code", "3601100000"),
    ("x-sam-key", "SAM-3601100000"),
    ("x-hpc-id", "HPC-DDS-0005"),
    ("x-hpc-pin", "112233"),
];

pub struct Clinic {
    http: reqwest::Client,
    base: String,
}

impl Clinic {
    pub fn new(t: &TestBackend) -> Self {
        let ca = std::fs::read(t.backend.ca_path()).unwrap();
        Self {
            http: reqwest::Client::builder()
                .add_root_certificate(reqwest::Certificate::from_pem(&ca).unwrap())
                .build()
                .unwrap(),
            base: t.backend.base_url(),
        }
    }

    /// Verifies a payload; the status and the JSON answer (a verification or a problem).
    pub async fn verify(
        &self,
        headers: &[(&str, &str)],
        payload: &str,
    ) -> (u16, serde_json::Value) {
        let mut req = self
            .http
            .post(format!("{}/api/v1{}", self.base, paths::VERIFICATIONS))
            .json(&serde_json::json!({ "qr_payload": payload }));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let res = req.send().await.unwrap();
        (res.status().as_u16(), res.json().await.unwrap())
    }
}
