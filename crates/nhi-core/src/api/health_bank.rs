//! My Health Bank (健康存摺) on the wire.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::health_bank::{Category, Field};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DataRequest {
    pub requested_at: DateTime<Utc>,
    pub ready_at: DateTime<Utc>,
    pub ready: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryCount {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub category: Category,
    pub count: u32,
}

/// `GET /api/v1/health-bank`: the latest request, and once ready, each category's count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HealthBankOverview {
    pub last_request: Option<DataRequest>,
    pub categories: Vec<CategoryCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordSummary {
    pub id: i64,
    pub date: NaiveDate,
    pub title: String,
    pub summary: String,
}

/// A page of one category's records, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordPage {
    pub records: Vec<RecordSummary>,
    pub next_page: Option<u32>,
}

/// One record with its details as lines: `[field, value]`, where the field (`institution`,
/// `diagnosis` …) is what the app labels in the reader's language and the value is data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordDetail {
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub category: Category,
    pub date: NaiveDate,
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Vec<String>>))]
    pub fields: Vec<(Field, String)>,
}
