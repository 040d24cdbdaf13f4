//! A clinic's HIS talking to the institution API with its "three cards".

use nhi_core::api::paths;

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

/// A home-care nursing institution of the Home Health Care Integration Plan, with 林清水
/// as its registered case.
pub const HOME_CARE: [(&str, &str); 4] = [
    ("x-institution-code", "3501209876"),
    ("x-sam-key", "SAM-3501209876"),
    ("x-hpc-id", "HPC-RN-0006"),
    ("x-hpc-pin", "468024"),
];

/// The big hospital, also in the programme, with other departments.
pub const HOSPITAL: [(&str, &str); 4] = [
    ("x-institution-code", "1317050017"),
    ("x-sam-key", "SAM-1317050017"),
    ("x-hpc-id", "HPC-DR-0003"),
    ("x-hpc-pin", "975310"),
];

impl Clinic {
    /// Any institution call: the status and the JSON answer.
    pub async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<serde_json::Value>,
    ) -> (u16, serde_json::Value) {
        let mut req = self
            .http
            .request(method, format!("{}/api/v1{path}", self.base));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        if let Some(body) = body {
            req = req.json(&body);
        }
        let res = req.send().await.unwrap();
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(serde_json::Value::Null))
    }

    /// Sends an image (JPEG) to an institution path: the status and the JSON answer.
    pub async fn send_image(
        &self,
        path: &str,
        headers: &[(&str, &str)],
        image: Vec<u8>,
    ) -> (u16, serde_json::Value) {
        let mut req = self
            .http
            .post(format!("{}/api/v1{path}", self.base))
            .header("content-type", "image/jpeg")
            .body(image);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let res = req.send().await.unwrap();
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(serde_json::Value::Null))
    }

    /// Requests the card of `id` for a video visit at `scheduled_at` in `department`.
    pub async fn request_video_visit(
        &self,
        headers: &[(&str, &str)],
        id: &str,
        department: &str,
        scheduled_at: chrono::DateTime<chrono::Utc>,
    ) -> (u16, serde_json::Value) {
        let body = serde_json::json!({
            "id_number": id,
            "department": department,
            "scheduled_at": scheduled_at,
            "message": "林醫師會在 LINE 視訊",
        });
        self.call(
            reqwest::Method::POST,
            paths::INSTITUTION_VIDEO_VISITS,
            headers,
            Some(body),
        )
        .await
    }

    pub async fn video_visit(
        &self,
        headers: &[(&str, &str)],
        id: &str,
    ) -> (u16, serde_json::Value) {
        let path = format!("{}/{id}", paths::INSTITUTION_VIDEO_VISITS);
        self.call(reqwest::Method::GET, &path, headers, None).await
    }

    pub async fn cancel_video_visit(
        &self,
        headers: &[(&str, &str)],
        id: &str,
    ) -> (u16, serde_json::Value) {
        let path = format!("{}/{id}", paths::INSTITUTION_VIDEO_VISITS);
        self.call(reqwest::Method::DELETE, &path, headers, None)
            .await
    }
}
