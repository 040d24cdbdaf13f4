//! `GET /api/v1/announcements`: 重要資訊, the NHIA's announcements above the home screen's
//! services (public: the home screen shows them before anyone signs in).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Announcement {
    pub id: i64,
    pub title: String,
    pub body: String,
    /// The language it is written in (`zh-TW`, `en`, `id`, `vi`).
    pub lang: String,
    pub published_at: DateTime<Utc>,
}
