//! 專案申請: the home-care plan's institutions and their registered cases (simulated, as the
//! NHIA's registry would answer), and the signed consent forms staff photograph.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;
use nhi_core::domain::IdNumber;

/// A signed consent form's photo, kept as the other images (a re-encoded JPEG).
#[derive(Debug, Clone)]
pub struct ConsentForm {
    pub id: String,
    pub id_number: IdNumber,
    /// The staff application's `applied_by`.
    pub uploaded_by: String,
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub created_at: DateTime<Utc>,
}

#[async_trait]
pub trait StaffApplications: Send + Sync + 'static {
    /// Marks the institution as one of the Home Health Care Integration Plan (or not).
    async fn set_home_care_plan(&self, code: &str, in_plan: bool) -> Result<(), StoreError>;
    async fn in_home_care_plan(&self, code: &str) -> Result<bool, StoreError>;
    /// Registers a person as a home-care case of the institution (kept if already so).
    async fn register_home_care_case(&self, code: &str, id: &IdNumber) -> Result<(), StoreError>;
    async fn is_home_care_case(&self, code: &str, id: &IdNumber) -> Result<bool, StoreError>;

    async fn insert_consent_form(&self, form: &ConsentForm) -> Result<(), StoreError>;
    async fn find_consent_form(&self, id: &str) -> Result<Option<ConsentForm>, StoreError>;
}
