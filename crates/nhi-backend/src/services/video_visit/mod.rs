//! Video visits: an institution requests a card remotely, the person (or a delegate holding
//! an active authorization) allows or declines in the app, and Allow records the card's use
//! and gives the clinic what a scanned QR gives. Stated once for the API and the counter page.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::Datelike;
use rand::RngCore;

use crate::auth::action_approval;
use crate::error::ApiError;
use crate::services::attempt_guard;
use crate::services::authorization_view::{state_of, today};
use crate::services::card_use::{
    self, ensure_in_programme, no_longer_usable, visit_numbers_used_up, MAX_VISITS_A_YEAR,
};
use crate::services::usable_card;
use crate::state::AppState;
use crate::store::{Answer, Created, InstitutionRecord, PersonRecord, Settled, VideoVisitRecord};
use nhi_core::api::{
    AuthorizationState, CreateVideoVisit, Problem, ProblemCode, VideoVisitAnswer,
    VideoVisitRequest, VideoVisitState, VideoVisitStatus,
};
use nhi_core::domain::quick_sign_in::SensitiveAction;
use nhi_core::domain::video_visit::{
    check_request, REQUESTS_PER_INSTITUTION, REQUESTS_PER_INSTITUTION_AND_PERSON,
    REQUESTS_PER_PERSON, REQUEST_LIFETIME,
};
use nhi_core::domain::IdNumber;

mod views;

pub use views::{recent_of_institution, requests_for, status_view};
use views::{request_view, stage_of};

/// A random handle of 128 bits, or a use's serial: unguessable, from the OS.
fn random_bytes() -> [u8; 16] {
    let mut raw = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut raw);
    raw
}

/// Why a request can no longer be answered or cancelled, from how it ended.
fn closed(stage: VideoVisitState) -> ApiError {
    let (code, detail) = match stage {
        VideoVisitState::Expired => (
            ProblemCode::VideoVisitExpired,
            "No answer came within 10 minutes; the request has expired.",
        ),
        VideoVisitState::Cancelled => (
            ProblemCode::VideoVisitCancelled,
            "The institution cancelled this request.",
        ),
        _ => (
            ProblemCode::VideoVisitAnswered,
            "This request was already answered.",
        ),
    };
    ApiError::Refused(Problem::of(code).with_detail(detail))
}

/// Creates a request for the institution, within its rate limits; one open request per
/// institution and ID at a time. The answer names the patient by the masked ID only.
pub async fn create(
    state: &AppState,
    institution: &InstitutionRecord,
    request: &CreateVideoVisit,
) -> Result<VideoVisitStatus, ApiError> {
    ensure_in_programme(institution)?;
    let id_number = IdNumber::parse(&request.id_number)?;
    let now = state.clock.now();
    let message = check_request(
        request.scheduled_at,
        request.department.trim(),
        &institution.departments,
        request.message.as_deref(),
        now,
    )
    .map_err(|e| ApiError::refuse(ProblemCode::InvalidVideoVisit, e.to_string()))?;
    // Every well-formed request counts, whoever it names, so that sending requests can
    // neither spam a person nor find out at speed who holds a virtual card.
    let _counted = attempt_guard::reserve(
        state,
        &[
            (
                format!("video-visits:{}", institution.code),
                REQUESTS_PER_INSTITUTION,
            ),
            (
                format!("video-visits:{}:{}", institution.code, id_number),
                REQUESTS_PER_INSTITUTION_AND_PERSON,
            ),
            (format!("video-visits-to:{id_number}"), REQUESTS_PER_PERSON),
        ],
    )
    .await?;
    // Kept whoever the ID names — a person with a card, without one, or nobody: the answer
    // is the same (a request nobody can answer expires), so it tells no one who holds a card.
    let record = VideoVisitRecord {
        id: URL_SAFE_NO_PAD.encode(random_bytes()),
        institution_code: institution.code.clone(),
        institution_name: institution.name.clone(),
        id_number,
        department: request.department.trim().to_owned(),
        scheduled_at: request.scheduled_at,
        message,
        created_at: now,
        expires_at: now + REQUEST_LIFETIME,
        status: VideoVisitState::Pending,
        answered_at: None,
        answered_by: None,
        authorization_id: None,
        use_serial: None,
        visit_number: None,
        application_id: None,
    };
    match state.store.create_video_visit(&record).await? {
        Created::Now => {}
        Created::AlreadyOpen => {
            return Err(ApiError::refuse(
                ProblemCode::VideoVisitOpen,
                "This institution already has an open request for this person: wait for the \
                 answer or cancel it first.",
            ))
        }
    }
    tracing::info!(institution = %institution.code, request = %record.id, "video visit requested");
    status_view(state, &record).await
}

/// The institution's own request, or not found (another institution's looks the same as
/// none).
pub async fn of_institution(
    state: &AppState,
    institution: &InstitutionRecord,
    id: &str,
) -> Result<VideoVisitRecord, ApiError> {
    state
        .store
        .find_video_visit(id)
        .await?
        .filter(|r| r.institution_code == institution.code)
        .ok_or(ApiError::NotFound)
}

/// Cancels the institution's pending request.
pub async fn cancel(
    state: &AppState,
    institution: &InstitutionRecord,
    id: &str,
) -> Result<VideoVisitStatus, ApiError> {
    of_institution(state, institution, id).await?;
    let settled = state
        .store
        .cancel_video_visit(id, &institution.code, state.clock.now())
        .await?;
    let record = of_institution(state, institution, id).await?;
    if settled != Settled::Now {
        return Err(closed(stage_of(state, &record)));
    }
    status_view(state, &record).await
}

/// The cards the person may answer for: their own, and each card they hold an active
/// authorization for (holder, authorization).
pub(super) async fn answerable_for(
    state: &AppState,
    me: &PersonRecord,
) -> Result<Vec<(IdNumber, Option<i64>)>, ApiError> {
    let (_, taken) = state.store.authorizations_of(&me.id_number).await?;
    let now = state.clock.now();
    let mut holders = vec![(me.id_number.clone(), None)];
    holders.extend(
        taken
            .into_iter()
            .filter(|a| state_of(a, today(state), now) == AuthorizationState::Active)
            .map(|a| (a.grantor_id, Some(a.id))),
    );
    Ok(holders)
}

/// Allows or declines a pending request for the person's card or a card they may present.
/// Of any number of answers and a cancellation at once, exactly one takes effect.
/// A sensitive action's confirmation as the request brought it, and where it came from.
#[derive(Clone, Copy)]
pub struct Confirmation<'a> {
    pub approval: Option<&'a nhi_core::api::ActionApproval>,
    pub client: std::net::IpAddr,
}

pub async fn answer(
    state: &AppState,
    me: &PersonRecord,
    id: &str,
    answer: VideoVisitAnswer,
    approval: Confirmation<'_>,
) -> Result<VideoVisitRequest, ApiError> {
    let record = state
        .store
        .find_video_visit(id)
        .await?
        .ok_or(ApiError::NotFound)?;
    // Someone else's request looks the same as none.
    let authorization_id = answerable_for(state, me)
        .await?
        .into_iter()
        .find(|(holder, _)| *holder == record.id_number)
        .ok_or(ApiError::NotFound)?
        .1;
    let stage = stage_of(state, &record);
    if stage != VideoVisitState::Pending {
        return Err(closed(stage));
    }
    if answer == VideoVisitAnswer::Allow {
        let action = SensitiveAction::AllowVideoVisit {
            request_id: id.to_owned(),
        };
        action_approval::require(state, me, approval.approval, &action, approval.client).await?;
    }
    let now = state.clock.now();
    let by = Answer {
        by: me.id_number.clone(),
        authorization_id,
        at: now,
    };
    let settled = match answer {
        VideoVisitAnswer::Decline => state.store.decline_video_visit(id, &by).await?,
        VideoVisitAnswer::Allow => allow(state, &record, &by).await?,
    };
    let record = state
        .store
        .find_video_visit(id)
        .await?
        .ok_or(ApiError::NotFound)?;
    match settled {
        Settled::Now => {
            tracing::info!(request = %id, ?answer, "video visit answered");
            request_view(state, &record, me).await
        }
        Settled::NotPending => Err(closed(stage_of(state, &record))),
        Settled::VisitNumbersUsedUp => Err(visit_numbers_used_up()),
        Settled::NoLongerUsable => Err(no_longer_usable(state, by.authorization_id).await?),
    }
}

/// Allow: the same checks as a scanned QR (the institution in the programme, the card
/// usable, a delegate's authorization active), then the use and its visit number recorded
/// with the answer, in one transaction.
async fn allow(
    state: &AppState,
    record: &VideoVisitRecord,
    by: &Answer,
) -> Result<Settled, ApiError> {
    let institution = state
        .store
        .find_institution(&record.institution_code)
        .await?
        .ok_or(ApiError::NotFound)?;
    let no_card = || {
        let (code, detail) = match by.authorization_id {
            None => (ProblemCode::NoCard, "Your Virtual NHI Card is not usable."),
            Some(_) => (
                ProblemCode::GrantorCardInvalid,
                "The card holder's Virtual NHI Card is no longer valid.",
            ),
        };
        ApiError::refuse(code, detail)
    };
    let application = usable_card::of_id(state, &record.id_number)
        .await?
        .ok_or_else(no_card)?;
    let card_use = card_use::prepare(
        state,
        &institution,
        application.id,
        by.authorization_id,
        random_bytes().to_vec(),
        true,
        by.at,
    )
    .await?
    .ok_or_else(no_card)?;
    Ok(state
        .store
        .allow_video_visit(
            &record.id,
            by,
            &card_use.record,
            by.at.year(),
            MAX_VISITS_A_YEAR,
        )
        .await?)
}
