//! How video visit requests look to each side: the institution's status (with the
//! verification once allowed) and lists, the app's view of the requests for the person's card
//! and the cards they may present.

use crate::error::ApiError;
use crate::services::authorization_view::party;
use crate::services::card_use::{counter_photo, identity_answer, visit_numbers_used_up};
use crate::state::AppState;
use crate::store::{InstitutionRecord, PersonRecord, VideoVisitRecord};
use nhi_core::api::{VideoVisitRequest, VideoVisitState, VideoVisitStatus};
use nhi_core::domain::card_qr::visit_sequence;
use nhi_core::domain::video_visit::{REQUEST_LIFETIME, SHOWN_AFTER_ENDING};
use nhi_core::domain::IdNumber;

use super::answerable_for;

/// Where the request stands now.
pub(super) fn stage_of(state: &AppState, r: &VideoVisitRecord) -> VideoVisitState {
    r.status.seen_at(r.expires_at, state.clock.now())
}

/// The institution's requests of the last 40 minutes (pending, or ended in the last half
/// hour), newest first, without the verifications (read one request for its verification).
pub async fn recent_of_institution(
    state: &AppState,
    institution: &InstitutionRecord,
) -> Result<Vec<VideoVisitStatus>, ApiError> {
    let since = state.clock.now() - REQUEST_LIFETIME - SHOWN_AFTER_ENDING;
    let mut shown = Vec::new();
    for r in state
        .store
        .video_visits_of_institution(&institution.code, since)
        .await?
    {
        if still_shown(state, &r)? {
            shown.push(status_of(state, &r, false).await?);
        }
    }
    Ok(shown)
}

/// How the request stands for the institution; once allowed, the verification, the same at
/// every read.
pub async fn status_view(
    state: &AppState,
    r: &VideoVisitRecord,
) -> Result<VideoVisitStatus, ApiError> {
    status_of(state, r, true).await
}

async fn status_of(
    state: &AppState,
    r: &VideoVisitRecord,
    with_verification: bool,
) -> Result<VideoVisitStatus, ApiError> {
    let stage = stage_of(state, r);
    // Who the patient is, and who answered for them, only once they consented.
    let delegate = match (stage, &r.answered_by, r.authorization_id) {
        (VideoVisitState::Allowed, Some(by), Some(_)) => Some(by.clone()),
        _ => None,
    };
    let verification = match (stage, r.application_id, r.visit_number, r.answered_at) {
        (VideoVisitState::Allowed, Some(application_id), Some(number), Some(at))
            if with_verification =>
        {
            let card = state
                .store
                .card_at_counter(application_id)
                .await?
                .ok_or(ApiError::NotFound)?;
            let photo = counter_photo(state, &card).await?;
            let number = u32::try_from(number).map_err(|_| visit_numbers_used_up())?;
            Some(
                identity_answer(
                    state,
                    &card.holder,
                    photo,
                    delegate.as_ref(),
                    number,
                    &r.institution_name,
                    at,
                )
                .await?,
            )
        }
        _ => None,
    };
    let patient_name = match &verification {
        Some(v) => Some(v.name.clone()),
        None if stage == VideoVisitState::Allowed => Some(party(state, &r.id_number).await?.name),
        None => None,
    };
    Ok(VideoVisitStatus {
        request_id: r.id.clone(),
        patient_id: r.id_number.masked(),
        patient_name,
        department: r.department.clone(),
        scheduled_at: r.scheduled_at,
        message: r.message.clone(),
        state: stage,
        created_at: r.created_at,
        expires_at: r.expires_at,
        answered_at: r.answered_at,
        answered_by_delegate: match &delegate {
            Some(id) => Some(party(state, id).await?),
            None => None,
        },
        verification,
    })
}

/// The requests the person sees: for their own card and for the cards they may present,
/// pending or ended in the last half hour, newest first.
pub async fn requests_for(
    state: &AppState,
    me: &PersonRecord,
) -> Result<Vec<VideoVisitRequest>, ApiError> {
    let holders = answerable_for(state, me).await?;
    let ids: Vec<IdNumber> = holders.iter().map(|(id, _)| id.clone()).collect();
    let now = state.clock.now();
    let since = now - REQUEST_LIFETIME - SHOWN_AFTER_ENDING;
    let mut shown = Vec::new();
    for r in state.store.video_visits_for(&ids, since).await? {
        if still_shown(state, &r)? {
            shown.push(request_view(state, &r, me).await?);
        }
    }
    Ok(shown)
}

/// Whether both sides still list the request: pending, or ended in the last half hour.
fn still_shown(state: &AppState, r: &VideoVisitRecord) -> Result<bool, ApiError> {
    let ended_at = r.answered_at.unwrap_or(r.expires_at);
    let now = state.clock.now();
    Ok(stage_of(state, r) == VideoVisitState::Pending || ended_at > now - SHOWN_AFTER_ENDING)
}

pub(super) async fn request_view(
    state: &AppState,
    r: &VideoVisitRecord,
    me: &PersonRecord,
) -> Result<VideoVisitRequest, ApiError> {
    Ok(VideoVisitRequest {
        request_id: r.id.clone(),
        institution_code: r.institution_code.clone(),
        institution_name: r.institution_name.clone(),
        department: r.department.clone(),
        scheduled_at: r.scheduled_at,
        message: r.message.clone(),
        state: stage_of(state, r),
        expires_at: r.expires_at,
        holder: party(state, &r.id_number).await?,
        for_holder: r.id_number != me.id_number,
        answered_by: match &r.answered_by {
            Some(id) => Some(party(state, id).await?),
            None => None,
        },
        visit_sequence: r
            .visit_number
            .and_then(|n| u32::try_from(n).ok())
            .and_then(visit_sequence),
    })
}
