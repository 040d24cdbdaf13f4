//! 專案申請's calls: the institution API, authenticated on every request by the staff
//! member's three cards (as a clinic's card readers present them) or, for NHIA counter staff,
//! by the session their staff account signed in to.

use reqwest::{Method, RequestBuilder};

use super::{json, ApiClient, ClientError};
use nhi_core::api::{
    CounterStaffLogin, CounterStaffSession, StaffApplication, StaffApplicationFiled,
    StaffPersonCheck, StaffPersonChecked, UploadResponse,
};

/// A professional's three cards: the institution code and its security module (SAM) key,
/// the professional card and its PIN. Kept in memory for the application only.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct StaffCards {
    pub institution_code: String,
    pub sam_key: String,
    pub hpc_id: String,
    pub hpc_pin: String,
}

/// Never prints the SAM key or the PIN.
impl std::fmt::Debug for StaffCards {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StaffCards")
            .field("institution_code", &self.institution_code)
            .field("hpc_id", &self.hpc_id)
            .finish_non_exhaustive()
    }
}

/// Who applies: a professional by their cards, or NHIA counter staff by their session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffIdentity {
    Professional(StaffCards),
    Counter(CounterStaffSession),
}

impl StaffIdentity {
    fn on(&self, builder: RequestBuilder) -> RequestBuilder {
        match self {
            Self::Professional(cards) => builder
                .header("x-institution-code", cards.institution_code.trim())
                .header("x-sam-key", cards.sam_key.trim())
                .header("x-hpc-id", cards.hpc_id.trim())
                .header("x-hpc-pin", cards.hpc_pin.trim()),
            Self::Counter(session) => builder.header("x-staff-session", &session.token),
        }
    }
}

impl ApiClient {
    /// NHIA counter staff sign in with their staff account.
    pub async fn counter_staff_sign_in(
        &self,
        login: &CounterStaffLogin,
    ) -> Result<CounterStaffSession, ClientError> {
        let path = "/counter-staff/sessions";
        json(self.request(Method::POST, path, None).json(login)).await
    }

    /// Checks the person against the insurance records, and that the cards may apply for them.
    pub async fn staff_check_person(
        &self,
        cards: &StaffIdentity,
        person: &StaffPersonCheck,
    ) -> Result<StaffPersonChecked, ClientError> {
        let path = "/institution/card-applications/person-checks";
        json(
            cards
                .on(self.request(Method::POST, path, None))
                .json(person),
        )
        .await
    }

    /// Uploads an image for the person: `consent_form`, `id_document` or `photo`.
    pub async fn staff_upload(
        &self,
        cards: &StaffIdentity,
        kind: &str,
        id_number: &str,
        jpeg: Vec<u8>,
    ) -> Result<UploadResponse, ClientError> {
        let path = format!("/institution/card-applications/uploads/{kind}");
        let builder = self
            .request(Method::POST, &path, None)
            .query(&[("id_number", id_number)])
            .header(reqwest::header::CONTENT_TYPE, "image/jpeg")
            .body(jpeg);
        json(cards.on(builder)).await
    }

    /// Files the application for the person.
    pub async fn staff_apply(
        &self,
        cards: &StaffIdentity,
        application: &StaffApplication,
    ) -> Result<StaffApplicationFiled, ClientError> {
        let path = "/institution/card-applications";
        json(
            cards
                .on(self.request(Method::POST, path, None))
                .json(application),
        )
        .await
    }
}
