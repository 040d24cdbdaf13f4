//! Video visits: an institution requests a card remotely, the person (or a delegate holding
//! an active authorization) allows or declines in the app, and Allow records the card's use
//! and gives the clinic what a scanned QR gives. Stated once for the API and the counter page.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::Datelike;
use rand::RngCore;

use crate::api::{
    AuthorizationState, CreateVideoVisit, Problem, ProblemCode, VideoVisitAnswer,
    VideoVisitRequest, VideoVisitState, VideoVisitStatus,
};
use crate::backend::error::ApiError;
use crate::backend::services::attempt_guard;
use crate::backend::services::authorization_view::{party, state_of, today};
use crate::backend::services::usable_card;
use crate::backend::services::verification::{
    counter_photo, ensure_in_programme, identity_answer, presentable, visit_numbers_used_up,
    MAX_VISITS_A_YEAR,
};
use crate::backend::state::AppState;
use crate::backend::store::{
    Answer, Created, InstitutionRecord, PersonRecord, QrUse, Settled, VideoVisitRecord,
};
use crate::domain::card_qr::visit_sequence;
use crate::domain::video_visit::{
    check_request, Stage, REQUESTS_PER_INSTITUTION, REQUESTS_PER_INSTITUTION_AND_PERSON,
    REQUESTS_PER_PERSON, REQUEST_LIFETIME, SHOWN_AFTER_ENDING,
};
use crate::domain::IdNumber;

/// A random handle of 128 bits, or a use's serial: unguessable, from the OS.
fn random_bytes() -> [u8; 16] {
    let mut raw = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut raw);
    raw
}

fn wire_state(stage: Stage) -> VideoVisitState {
    match stage {
        Stage::Pending => VideoVisitState::Pending,
        Stage::Allowed => VideoVisitState::Allowed,
        Stage::Declined => VideoVisitState::Declined,
        Stage::Cancelled => VideoVisitState::Cancelled,
        Stage::Expired => VideoVisitState::Expired,
    }
}

fn stage_of(state: &AppState, r: &VideoVisitRecord) -> Result<Stage, ApiError> {
    Stage::of(&r.status, r.expires_at, state.clock.now()).ok_or_else(|| {
        crate::backend::store::StoreError::Corrupt(format!("video visit status {}", r.status))
            .into()
    })
}

/// Why a request can no longer be answered or cancelled, from how it ended.
fn closed(stage: Stage) -> ApiError {
    let (code, detail) = match stage {
        Stage::Expired => (
            ProblemCode::VideoVisitExpired,
            "No answer came within 10 minutes; the request has expired.",
        ),
        Stage::Cancelled => (
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
/// institution and person at a time.
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
    if usable_card::of_id(state, &id_number).await?.is_none() {
        return Err(ApiError::refuse(
            ProblemCode::NoCard,
            "This person has no Virtual NHI Card to allow the request with: use the NHI card.",
        ));
    }
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
        status: "pending".into(),
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
        return Err(closed(stage_of(state, &record)?));
    }
    status_view(state, &record).await
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
    let stage = stage_of(state, r)?;
    let delegate = match (&r.answered_by, r.authorization_id) {
        (Some(by), Some(_)) => Some(by.clone()),
        _ => None,
    };
    let verification = match (stage, r.application_id, r.visit_number, r.answered_at) {
        (Stage::Allowed, Some(application_id), Some(number), Some(at)) if with_verification => {
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
    Ok(VideoVisitStatus {
        request_id: r.id.clone(),
        patient: party(state, &r.id_number).await?,
        department: r.department.clone(),
        scheduled_at: r.scheduled_at,
        message: r.message.clone(),
        state: wire_state(stage),
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

/// The cards the person may answer for: their own, and each card they hold an active
/// authorization for (holder, authorization).
async fn answerable_for(
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
    Ok(stage_of(state, r)? == Stage::Pending || ended_at > now - SHOWN_AFTER_ENDING)
}

async fn request_view(
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
        state: wire_state(stage_of(state, r)?),
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

/// Allows or declines a pending request for the person's card or a card they may present.
/// Of any number of answers and a cancellation at once, exactly one takes effect.
pub async fn answer(
    state: &AppState,
    me: &PersonRecord,
    id: &str,
    answer: VideoVisitAnswer,
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
    let stage = stage_of(state, &record)?;
    if stage != Stage::Pending {
        return Err(closed(stage));
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
        Settled::NotPending => Err(closed(stage_of(state, &record)?)),
        Settled::VisitNumbersUsedUp => Err(visit_numbers_used_up()),
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
    ensure_in_programme(&institution)?;
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
    let card = presentable(state, application.id, by.authorization_id)
        .await?
        .ok_or_else(no_card)?;
    let qr_use = QrUse {
        serial: random_bytes().to_vec(),
        id_number: record.id_number.clone(),
        application_id: application.id,
        authorization_id: by.authorization_id,
        delegate_id: card.delegate_id,
        used_at: by.at,
        institution: institution.name.clone(),
        video_visit: true,
    };
    Ok(state
        .store
        .allow_video_visit(&record.id, by, &qr_use, by.at.year(), MAX_VISITS_A_YEAR)
        .await?)
}
