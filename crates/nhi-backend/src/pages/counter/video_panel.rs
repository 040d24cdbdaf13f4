//! The counter front page's video visit panel: the request form and the counter's recent
//! requests, and how a request reads for the clerk (also on its own page).

use serde::Deserialize;

use crate::error::ApiError;
use crate::pages::PageLang;
use crate::services::video_visit;
use crate::state::AppState;
use crate::store::InstitutionRecord;
use nhi_core::api::{VideoVisitState, VideoVisitStatus};
use nhi_core::domain::taiwan_time;
use nhi_core::tr;

/// `2026-11-30 14:30` in Taiwan time, for the clerk to read.
pub(super) fn clock(at: chrono::DateTime<chrono::Utc>) -> String {
    taiwan_time::format(at, "%Y-%m-%d %H:%M")
}

/// The request form as sent (`scheduled_at`: `datetime-local` in Taiwan time).
#[derive(Debug, Deserialize)]
pub(super) struct RequestForm {
    pub(super) id_number: String,
    pub(super) department: String,
    pub(super) scheduled_at: String,
    #[serde(default)]
    pub(super) message: String,
}

/// The counter front page's video visit panel: the request form (with what was typed, when a
/// request was refused) and the counter's recent requests.
pub(super) struct VideoPanel {
    pub(super) departments: Vec<String>,
    pub(super) form: RequestForm,
    pub(super) recent: Vec<RecentRequest>,
}

impl VideoPanel {
    /// For the counter of `institution`; a fresh form's visit time is a few minutes from now.
    pub(super) async fn of(
        page: &PageLang,
        state: &AppState,
        institution: &InstitutionRecord,
        typed: Option<RequestForm>,
    ) -> Result<Self, ApiError> {
        let form = typed.unwrap_or_else(|| RequestForm {
            id_number: String::new(),
            department: institution.departments.first().cloned().unwrap_or_default(),
            scheduled_at: taiwan_time::local_field(
                state.clock.now() + chrono::Duration::minutes(5),
            ),
            message: String::new(),
        });
        Ok(Self {
            departments: institution.departments.clone(),
            form,
            recent: recent_requests(page, state, institution).await?,
        })
    }
}

/// How a request stands, as a key for machines and in words for the clerk: waiting until …,
/// allowed or declined by the patient or a delegate (name and masked ID), cancelled, expired.
pub(super) fn state_words(page: &PageLang, s: &VideoVisitStatus) -> (&'static str, String) {
    let by = |by_delegate: &str, by_patient: &str| match &s.answered_by_delegate {
        Some(d) => tr!(
            page.lang,
            by_delegate,
            name = d.name.as_str(),
            id = d.id_number.as_str()
        ),
        None => page.t(by_patient),
    };
    let words = match s.state {
        VideoVisitState::Pending => tr!(
            page.lang,
            "counter-video-waiting",
            time = clock(s.expires_at)
        ),
        VideoVisitState::Allowed => by(
            "counter-video-allowed-by",
            "counter-video-allowed-by-patient",
        ),
        VideoVisitState::Declined => by(
            "counter-video-declined-by",
            "counter-video-declined-by-patient",
        ),
        VideoVisitState::Cancelled => page.t("counter-video-cancelled"),
        VideoVisitState::Expired => page.t("counter-video-expired"),
    };
    // The state's own name is the page's class name, as in the store and on the wire.
    (s.state.as_str(), words)
}

/// The patient as the counter may know them: the masked ID, and the name once allowed.
pub(super) fn patient_line(s: &VideoVisitStatus) -> String {
    match &s.patient_name {
        Some(name) => format!("{name} ({})", s.patient_id),
        None => s.patient_id.clone(),
    }
}

/// One of the counter's recent requests, as its front page lists it.
pub(super) struct RecentRequest {
    pub(super) href: String,
    /// Patient (masked ID), department, visit time.
    pub(super) what: String,
    pub(super) state_key: &'static str,
    pub(super) state_line: String,
}

/// The counter's requests of the last half hour, newest first, to go back to one.
async fn recent_requests(
    page: &PageLang,
    state: &AppState,
    institution: &InstitutionRecord,
) -> Result<Vec<RecentRequest>, ApiError> {
    let recent = video_visit::recent_of_institution(state, institution).await?;
    Ok(recent
        .iter()
        .map(|s| {
            let (state_key, state_line) = state_words(page, s);
            RecentRequest {
                href: format!("/counter/video-visits/{}", s.request_id),
                what: format!(
                    "{} · {} · {}",
                    patient_line(s),
                    s.department,
                    clock(s.scheduled_at)
                ),
                state_key,
                state_line,
            }
        })
        .collect())
}
