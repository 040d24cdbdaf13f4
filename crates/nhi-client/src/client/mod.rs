//! The typed HTTPS client of the API. It trusts only the backend's CA (native builds; the
//! browser does that for the web build), times out instead of hanging, and turns every
//! failure into a [`ClientError`] that can explain itself in zh-TW and English.

mod error;
mod error_text;
mod quick_sign_in;
mod staff_applications;

pub use staff_applications::{StaffCards, StaffIdentity};

pub use error::ClientError;

use std::time::Duration;

use reqwest::{Method, RequestBuilder};
use serde::de::DeserializeOwned;

use nhi_core::domain::health_bank::Category;

use nhi_core::api::{
    paths, Announcement, AnswerVideoVisit, ApplicationRecord, AuthorizationList,
    AuthorizationOffer, AuthorizationView, BindRequest, BindResponse, BindingProof, CardQr,
    CardUse, CardView, ChangePassword, CreateAuthorization, DataRequest, DeviceInfo,
    HealthBankOverview, Institution, LoginRequest, LoginResponse, Me, PhoneCheckRequest,
    PhoneCheckResponse, Problem, ProblemCode, QrScanResponse, QrStatus, RecordDetail, RecordPage,
    RedeemAuthorization, SubmitApplication, UploadResponse, VideoVisitAnswer, VideoVisitRequest,
    V1,
};

/// How long one request may take before the user is told the server is not answering.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);

#[derive(Clone, Debug)]
pub struct ApiClient {
    http: reqwest::Client,
    base_url: String,
}

impl ApiClient {
    /// A client for `base_url` (e.g. `https://127.0.0.1:8443`) that trusts exactly the
    /// CA certificate given (PEM), and not the system's roots.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new(base_url: &str, ca_pem: &[u8]) -> Result<Self, ClientError> {
        let ca = reqwest::Certificate::from_pem(ca_pem)
            .map_err(|e| ClientError::Setup(format!("the CA certificate cannot be read: {e}")))?;
        let http = reqwest::Client::builder()
            .use_rustls_tls()
            .tls_built_in_root_certs(false)
            .add_root_certificate(ca)
            .https_only(true)
            .connect_timeout(Duration::from_secs(10))
            .timeout(REQUEST_TIMEOUT)
            .build()
            .map_err(|e| ClientError::Setup(e.to_string()))?;
        Ok(Self::with_http(http, base_url))
    }

    /// A client for the page's own origin; the browser checks the certificate.
    #[cfg(target_arch = "wasm32")]
    pub fn new(base_url: &str) -> Self {
        Self::with_http(reqwest::Client::new(), base_url)
    }

    fn with_http(http: reqwest::Client, base_url: &str) -> Self {
        Self {
            http,
            base_url: base_url.trim_end_matches('/').to_owned(),
        }
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    fn request(&self, method: Method, path: &str, token: Option<&str>) -> RequestBuilder {
        let builder = self
            .http
            .request(method, format!("{}{V1}{path}", self.base_url));
        match token {
            Some(token) => builder.bearer_auth(token),
            None => builder,
        }
    }

    /// Signs in from a bound device; the token in the answer is good for 2 hours.
    pub async fn login(&self, request: &LoginRequest) -> Result<LoginResponse, ClientError> {
        json(
            self.request(Method::POST, paths::SESSIONS, None)
                .json(request),
        )
        .await
    }

    /// Phone path, step 1: the telecom confirms the number is the person's monthly contract.
    pub async fn phone_check(
        &self,
        request: &PhoneCheckRequest,
    ) -> Result<PhoneCheckResponse, ClientError> {
        json(
            self.request(Method::POST, paths::PHONE_CHECKS, None)
                .json(request),
        )
        .await
    }

    /// Binds this device (phone ticket + new password, or the website's device code).
    pub async fn bind(
        &self,
        device: &DeviceInfo,
        proof: BindingProof,
    ) -> Result<BindResponse, ClientError> {
        let body = BindRequest {
            device: device.clone(),
            proof,
        };
        json(
            self.request(Method::POST, paths::DEVICE_BINDINGS, None)
                .json(&body),
        )
        .await
    }

    /// The person's card and the state of their application.
    pub async fn card(&self, token: &str) -> Result<CardView, ClientError> {
        json(self.request(Method::GET, paths::CARD, Some(token))).await
    }

    /// 重要資訊: the newest announcements (no sign-in needed).
    pub async fn announcements(&self) -> Result<Vec<Announcement>, ClientError> {
        json(self.request(Method::GET, paths::ANNOUNCEMENTS, None)).await
    }

    /// The person's card applications, newest first, whoever made them.
    pub async fn application_records(
        &self,
        token: &str,
    ) -> Result<Vec<ApplicationRecord>, ClientError> {
        json(self.request(Method::GET, paths::CARD_APPLICATIONS, Some(token))).await
    }

    /// Uploads a prepared image (`paths::DOCUMENT_UPLOADS` or `paths::PHOTO_UPLOADS`).
    pub async fn upload_image(
        &self,
        token: &str,
        path: &str,
        jpeg: Vec<u8>,
    ) -> Result<UploadResponse, ClientError> {
        let builder = self
            .request(Method::POST, path, Some(token))
            .header(reqwest::header::CONTENT_TYPE, "image/jpeg")
            .body(jpeg);
        json(builder).await
    }

    pub async fn apply_for_card(
        &self,
        token: &str,
        application: &SubmitApplication,
    ) -> Result<CardView, ClientError> {
        json(
            self.request(Method::POST, paths::CARD_APPLICATIONS, Some(token))
                .json(application),
        )
        .await
    }

    /// Cancels the card (the way to change an approved photo is to cancel and apply again).
    pub async fn cancel_card(&self, token: &str) -> Result<(), ClientError> {
        check(send(self.request(Method::DELETE, paths::CARD, Some(token))).await?)
            .await
            .map(drop)
    }

    /// The approved card's photo (JPEG), by its version (`photo_version`) when known.
    pub async fn card_photo(
        &self,
        token: &str,
        version: Option<&str>,
    ) -> Result<Vec<u8>, ClientError> {
        let mut request = self.request(Method::GET, paths::CARD_PHOTO, Some(token));
        if let Some(version) = version {
            request = request.query(&[("v", version)]);
        }
        let response = check(send(request).await?).await?;
        response
            .bytes()
            .await
            .map(|b| b.to_vec())
            .map_err(|e| ClientError::Decode(e.to_string()))
    }

    /// A fresh one-time card QR code (5 minutes).
    pub async fn card_qr(&self, token: &str) -> Result<CardQr, ClientError> {
        json(self.request(Method::POST, paths::CARD_QR, Some(token))).await
    }

    /// Whether a QR code was used, and where.
    pub async fn qr_status(&self, token: &str, qr_id: &str) -> Result<QrStatus, ClientError> {
        let path = format!("{}/{}", paths::CARD_QR, qr_id);
        json(self.request(Method::GET, &path, Some(token))).await
    }

    /// Where the card was used: scanned or allowed for video visits, by the holder or a delegate.
    pub async fn card_uses(&self, token: &str) -> Result<Vec<CardUse>, ClientError> {
        json(self.request(Method::GET, paths::CARD_USES, Some(token))).await
    }

    /// Video visit requests for my card and for the cards I may present.
    pub async fn video_visits(&self, token: &str) -> Result<Vec<VideoVisitRequest>, ClientError> {
        json(self.request(Method::GET, paths::CARD_VIDEO_VISITS, Some(token))).await
    }

    /// Allows or declines a video visit request.
    pub async fn answer_video_visit(
        &self,
        token: &str,
        request_id: &str,
        answer: VideoVisitAnswer,
    ) -> Result<VideoVisitRequest, ClientError> {
        let body = AnswerVideoVisit {
            answer,
            approval: None,
        };
        self.answer_video_visit_with(token, request_id, &body).await
    }

    /// The same, with a quick sign-in confirmation where the answer carries one.
    pub async fn answer_video_visit_with(
        &self,
        token: &str,
        request_id: &str,
        body: &AnswerVideoVisit,
    ) -> Result<VideoVisitRequest, ClientError> {
        let path = format!("{}/{request_id}/answer", paths::CARD_VIDEO_VISITS);
        json(self.request(Method::POST, &path, Some(token)).json(body)).await
    }

    /// Institutions that accept the card, filtered by name, area and department.
    pub async fn institutions(
        &self,
        name: &str,
        area: &str,
        department: &str,
    ) -> Result<Vec<Institution>, ClientError> {
        // Refused here, as the server would: a field past the limit is never sent (a long
        // enough one would not even fit in an address).
        if !nhi_core::domain::search_text::within_limit(&[name, area, department]) {
            return Err(ClientError::Problem(Problem::of(
                ProblemCode::SearchTooLong,
            )));
        }
        let builder = self
            .request(Method::GET, paths::INSTITUTIONS, None)
            .query(&[("q", name), ("area", area), ("department", department)]);
        json(builder).await
    }

    /// Asks My Health Bank to prepare today's data.
    pub async fn request_health_data(&self, token: &str) -> Result<DataRequest, ClientError> {
        json(self.request(Method::POST, paths::HEALTH_REQUESTS, Some(token))).await
    }

    pub async fn health_overview(&self, token: &str) -> Result<HealthBankOverview, ClientError> {
        json(self.request(Method::GET, paths::HEALTH_BANK, Some(token))).await
    }

    pub async fn health_records(
        &self,
        token: &str,
        category: Category,
        page: u32,
    ) -> Result<RecordPage, ClientError> {
        let path = format!("{}/categories/{}", paths::HEALTH_BANK, category.as_str());
        json(
            self.request(Method::GET, &path, Some(token))
                .query(&[("page", page)]),
        )
        .await
    }

    pub async fn health_record(&self, token: &str, id: i64) -> Result<RecordDetail, ClientError> {
        let path = format!("{}/records/{id}", paths::HEALTH_BANK);
        json(self.request(Method::GET, &path, Some(token))).await
    }

    /// Offers an authorization to the named grantee: a 6-digit code and a QR, 5 minutes.
    pub async fn authorize(
        &self,
        token: &str,
        request: &CreateAuthorization,
    ) -> Result<AuthorizationOffer, ClientError> {
        json(
            self.request(Method::POST, paths::AUTHORIZATIONS, Some(token))
                .json(request),
        )
        .await
    }

    pub async fn redeem_authorization(
        &self,
        token: &str,
        request: &RedeemAuthorization,
    ) -> Result<AuthorizationView, ClientError> {
        json(
            self.request(Method::POST, paths::REDEMPTIONS, Some(token))
                .json(request),
        )
        .await
    }

    pub async fn authorizations(&self, token: &str) -> Result<AuthorizationList, ClientError> {
        json(self.request(Method::GET, paths::AUTHORIZATIONS, Some(token))).await
    }

    pub async fn cancel_authorization(&self, token: &str, id: i64) -> Result<(), ClientError> {
        let path = format!("{}/{id}", paths::AUTHORIZATIONS);
        check(send(self.request(Method::DELETE, &path, Some(token))).await?)
            .await
            .map(drop)
    }

    /// The grantor's card QR, for the grantee to show as a delegate.
    pub async fn delegate_qr(&self, token: &str, id: i64) -> Result<CardQr, ClientError> {
        let path = format!("{}/{id}/qr", paths::AUTHORIZATIONS);
        json(self.request(Method::POST, &path, Some(token))).await
    }

    /// Reads the QR codes in a photo or screenshot.
    pub async fn scan_qr(&self, image: Vec<u8>) -> Result<Vec<String>, ClientError> {
        let builder = self
            .request(Method::POST, paths::QR_SCANS, None)
            .header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
            .body(image);
        json::<QrScanResponse>(builder).await.map(|r| r.texts)
    }

    /// Who the token belongs to.
    pub async fn me(&self, token: &str) -> Result<Me, ClientError> {
        json(self.request(Method::GET, paths::ME, Some(token))).await
    }

    /// Changes the registration password; the server ends every other session of the ID.
    pub async fn change_password(
        &self,
        token: &str,
        request: &ChangePassword,
    ) -> Result<(), ClientError> {
        let response = send(
            self.request(Method::PUT, paths::MY_PASSWORD, Some(token))
                .json(request),
        )
        .await?;
        check(response).await.map(drop)
    }

    /// Ends the session on the server.
    pub async fn logout(&self, token: &str) -> Result<(), ClientError> {
        let response =
            send(self.request(Method::DELETE, paths::CURRENT_SESSION, Some(token))).await?;
        check(response).await.map(drop)
    }
}

async fn send(builder: RequestBuilder) -> Result<reqwest::Response, ClientError> {
    builder.send().await.map_err(ClientError::from_transport)
}

/// Passes a success through; turns an error status into the server's problem document.
async fn check(response: reqwest::Response) -> Result<reqwest::Response, ClientError> {
    let status = response.status();
    if status.is_success() {
        return Ok(response);
    }
    let problem = response.json::<Problem>().await.ok();
    Err(match problem {
        Some(problem) => ClientError::Problem(problem),
        None => ClientError::UnexpectedStatus(status.as_u16()),
    })
}

async fn json<T: DeserializeOwned>(builder: RequestBuilder) -> Result<T, ClientError> {
    let response = check(send(builder).await?).await?;
    response
        .json::<T>()
        .await
        .map_err(|e| ClientError::Decode(e.to_string()))
}
