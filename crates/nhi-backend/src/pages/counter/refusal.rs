//! Why the counter could not do what the clerk asked, in the page's language, with the
//! clinic-side (HIS) code beside it.

use nhi_core::api::{Problem, ProblemCode};

use crate::pages::PageLang;

pub(super) struct Refusal {
    pub(super) title: String,
    pub(super) detail: String,
    pub(super) his_code: Option<u16>,
}

impl Refusal {
    pub(super) fn of(problem: &Problem, page: &PageLang) -> Self {
        let (title, detail) = refusal_messages(problem.code);
        Self {
            title: page.t(title),
            detail: page.t(detail),
            his_code: problem.his_code,
        }
    }

    /// A refusal with no problem code behind it: (title, detail) message ids.
    pub(super) fn plain(page: &PageLang, title: &str, detail: &str) -> Self {
        Self {
            title: page.t(title),
            detail: page.t(detail),
            his_code: None,
        }
    }
}

/// The refusals a counter meets, as a clerk reads them: (title, detail) message ids.
fn refusal_messages(code: ProblemCode) -> (&'static str, &'static str) {
    use ProblemCode as C;
    match code {
        C::QrExpired => ("counter-qr-expired", "counter-qr-expired-detail"),
        C::QrNotFound => ("counter-qr-not-found", "counter-qr-not-found-detail"),
        C::QrReused => ("counter-qr-reused", "counter-qr-reused-detail"),
        C::NotInProgramme => (
            "counter-not-in-programme",
            "counter-not-in-programme-detail",
        ),
        C::CardVoided => ("counter-card-voided", "counter-card-voided-detail"),
        C::AuthorizationInactive => (
            "counter-authorization-inactive",
            "counter-authorization-inactive-detail",
        ),
        C::InstitutionCredentials => ("counter-credentials", "counter-credentials-detail"),
        C::ProfessionalCardBlocked => ("counter-hpc-blocked", "counter-hpc-blocked-detail"),
        C::TooManyAttempts => (
            "counter-too-many-attempts",
            "counter-too-many-attempts-detail",
        ),
        C::QrUnreadable => ("counter-qr-unreadable", "counter-qr-unreadable-detail"),
        C::BadImage => ("counter-bad-image", "counter-bad-image-detail"),
        C::InvalidIdNumber => ("counter-video-refused", "counter-video-invalid-id-detail"),
        C::InvalidVideoVisit => ("counter-video-refused", "counter-video-invalid-detail"),
        C::NoCard => ("counter-video-refused", "counter-video-no-card-detail"),
        C::VideoVisitOpen => ("counter-video-refused", "counter-video-open-detail"),
        C::VideoVisitAnswered => ("counter-video-closed", "counter-video-answered-detail"),
        C::VideoVisitExpired => ("counter-video-closed", "counter-video-expired-detail"),
        C::VideoVisitCancelled => ("counter-video-closed", "counter-video-cancelled-detail"),
        _ => ("counter-cannot-verify", "counter-cannot-verify-detail"),
    }
}
