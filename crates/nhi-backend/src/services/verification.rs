//! Verifying a card for an institution — a scanned QR, or an allowed video visit — the one
//! place the API and the counter page go through: the checks, the photo, the identity answer.
//! (The institution's own cards are checked in `institution_cards`.)

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::{DateTime, Datelike, Utc};

use crate::error::ApiError;
use crate::heavy;
use crate::services::authorization_view;
use crate::services::card_qr_token::{self, Sealing};
use crate::services::institution_cards::refuse;
use crate::state::AppState;
use crate::store::{
    CardAtCounter, Consumed, InstitutionRecord, PersonRecord, QrUse, Sex, StoreError,
};
use nhi_core::api::{AuthorizationState, ProblemCode, Verification};
use nhi_core::domain::card_application::{card_usable, ApplicationStatus};
use nhi_core::domain::card_qr::{token_from_payload, visit_sequence, HisCode};
use nhi_core::domain::{IdNumber, RocDate};

/// Virtual-card visit sequence numbers a person gets a year (`V001`…`V999`).
pub const MAX_VISITS_A_YEAR: u32 = 999;

/// Refuses an institution outside the virtual-card programme (HIS 1042).
pub fn ensure_in_programme(institution: &InstitutionRecord) -> Result<(), ApiError> {
    if institution.accepts_virtual_card {
        return Ok(());
    }
    Err(refuse(
        ProblemCode::NotInProgramme,
        HisCode::NotInProgramme,
        "This institution does not accept the Virtual NHI Card.",
    ))
}

/// A card that may be used now, with what the clinic will be shown: checked before its use
/// is recorded, so that a refusal changes nothing.
pub struct Presentable {
    pub card: CardAtCounter,
    /// The delegate presenting it under an active authorization.
    pub delegate_id: Option<IdNumber>,
    pub photo: Option<Vec<u8>>,
}

/// Checks the card of application `application_id` (presented under `authorization_id` by a
/// delegate, or by its holder): not voided or cancelled, the authorization still active.
/// `None` when there is no such card.
pub async fn presentable(
    state: &AppState,
    application_id: i64,
    authorization_id: Option<i64>,
) -> Result<Option<Presentable>, ApiError> {
    let Some(card) = state.store.card_at_counter(application_id).await? else {
        return Ok(None);
    };
    if !card_usable(card.status, card.holder.card_voided) {
        return Err(card_voided_since_issued());
    }
    let delegate_id = match authorization_id {
        None => None,
        Some(id) => {
            let now = state.clock.now();
            let authorization = state.store.find_authorization(id).await?.filter(|a| {
                a.grantor_id == card.holder.id_number
                    && authorization_view::state_of(a, authorization_view::today(state), now)
                        == AuthorizationState::Active
            });
            let Some(authorization) = authorization else {
                return Err(authorization_ended());
            };
            Some(authorization.grantee_id)
        }
    };
    let photo = counter_photo(state, &card).await?;
    Ok(Some(Presentable {
        card,
        delegate_id,
        photo,
    }))
}

fn card_voided_since_issued() -> ApiError {
    refuse(
        ProblemCode::CardVoided,
        HisCode::CardVoided,
        "This card has been voided since the QR code was issued.",
    )
}

fn authorization_ended() -> ApiError {
    refuse(
        ProblemCode::AuthorizationInactive,
        HisCode::TokenInvalid,
        "The card holder's authorization for this delegate was cancelled or has ended.",
    )
}

/// The refusal when the use's own write found the card or the authorization changed since
/// `presentable` checked them (a cancellation that came in between).
pub async fn no_longer_usable(
    state: &AppState,
    authorization_id: Option<i64>,
) -> Result<ApiError, ApiError> {
    Ok(match authorization_id {
        Some(id) if !authorization_view::is_active(state, id).await? => authorization_ended(),
        _ => card_voided_since_issued(),
    })
}

/// The photo the counter is shown: the approved card's face-sized copy (made once).
pub async fn counter_photo(
    state: &AppState,
    card: &CardAtCounter,
) -> Result<Option<Vec<u8>>, ApiError> {
    match (card.status, &card.counter_photo) {
        (ApplicationStatus::Approved, Some(kept)) => Ok(Some(kept.clone())),
        (ApplicationStatus::Approved, None) => make_counter_photo(state, &card.photo_upload).await,
        _ => Ok(None),
    }
}

/// The refusal when the holder's 999 virtual-card visit numbers of the year are gone.
pub fn visit_numbers_used_up() -> ApiError {
    ApiError::InvalidRequest(
        "the year's 999 virtual-card visit numbers are used up; use the physical card".into(),
    )
}

/// What the clinic is told about a card whose use was recorded with `visit_number`: the
/// identity as the physical card's basic data carries it, never medical data.
pub async fn identity_answer(
    state: &AppState,
    person: &PersonRecord,
    photo: Option<Vec<u8>>,
    delegate_id: Option<&IdNumber>,
    visit_number: u32,
    institution: &str,
    verified_at: DateTime<Utc>,
) -> Result<Verification, ApiError> {
    let visit_sequence = visit_sequence(visit_number).ok_or_else(visit_numbers_used_up)?;
    let delegate = match delegate_id {
        Some(id) => Some(authorization_view::party(state, id).await?),
        None => None,
    };
    Ok(Verification {
        card_number: person.card_number.to_string(),
        name: person.name.clone(),
        id_number: person.id_number.to_string(),
        birth_date: person.birth_date,
        birth_date_roc: RocDate::new(person.birth_date)
            .map(|d| d.seven_digits())
            .unwrap_or_default(),
        sex: match person.sex {
            Sex::Male => "M".into(),
            Sex::Female => "F".into(),
        },
        card_issue_date: person.card_issue_date,
        voided: false,
        photo_less: photo.is_none(),
        photo_jpeg_base64: photo.map(|jpeg| STANDARD.encode(jpeg)),
        presented_by_delegate: delegate.is_some(),
        delegate,
        visit_sequence,
        institution: institution.to_owned(),
        verified_at,
    })
}

/// Verifies and consumes a scanned card QR for the institution.
pub async fn verify(
    state: &AppState,
    institution: &InstitutionRecord,
    payload: &str,
) -> Result<Verification, ApiError> {
    ensure_in_programme(institution)?;
    let token = token_from_payload(payload).ok_or_else(|| {
        refuse(
            ProblemCode::QrNotFound,
            HisCode::QrNotFound,
            "This is not a Virtual NHI Card QR code.",
        )
    })?;
    let not_found = || {
        refuse(
            ProblemCode::QrNotFound,
            HisCode::QrNotFound,
            "No such QR code was issued.",
        )
    };
    let reused = || {
        refuse(
            ProblemCode::QrReused,
            HisCode::QrReused,
            "This QR code was already used. Ask the patient to update the code in the app.",
        )
    };
    let claims = card_qr_token::open(&state.key, Sealing::Token, token).ok_or_else(not_found)?;
    let now = state.clock.now();
    if claims.expires_at() <= now {
        // A code that was used stays "used" (the app says to update it) after its 5 minutes.
        return Err(match state.store.qr_use(&claims.serial).await? {
            Some(_) => reused(),
            None => refuse(
                ProblemCode::QrExpired,
                HisCode::QrExpired,
                "This QR code's 5 minutes are over. Ask the patient to update the code in the app.",
            ),
        });
    }
    // Everything that can refuse is read first; the one write at the end uses the code and
    // takes the visit number together, so a refusal or a failure anywhere leaves the code as
    // it was.
    let card = presentable(state, claims.application_id, claims.authorization_id)
        .await?
        .ok_or_else(not_found)?;
    let person = card.card.holder;
    let qr_use = QrUse {
        serial: claims.serial.to_vec(),
        id_number: person.id_number.clone(),
        application_id: claims.application_id,
        authorization_id: claims.authorization_id,
        delegate_id: card.delegate_id.clone(),
        used_at: now,
        institution: institution.name.clone(),
        video_visit: false,
    };
    let number = match state
        .store
        .record_qr_use(&qr_use, now.year(), MAX_VISITS_A_YEAR)
        .await?
    {
        Consumed::Now { visit_number } => visit_number,
        Consumed::AlreadyUsed => return Err(reused()),
        Consumed::VisitNumbersUsedUp => return Err(visit_numbers_used_up()),
        Consumed::NoLongerUsable => {
            return Err(no_longer_usable(state, claims.authorization_id).await?)
        }
    };
    identity_answer(
        state,
        &person,
        card.photo,
        card.delegate_id.as_ref(),
        number,
        &institution.name,
        now,
    )
    .await
}

/// The face-sized copy of the approved photo the counter is shown, made from the stored
/// photo on its first verification and kept, so later verifications only read it.
async fn make_counter_photo(
    state: &AppState,
    upload_id: &str,
) -> Result<Option<Vec<u8>>, ApiError> {
    let Some(upload) = state.store.find_upload(upload_id).await? else {
        return Ok(None);
    };
    // A stored photo that cannot be read again is the store's fault, not the clinic's.
    let unreadable = |why: String| StoreError::Corrupt(format!("stored photo {upload_id}: {why}"));
    let jpeg = heavy::run(heavy::Work::Image, move || {
        nhi_photo::counter_copy(&upload.bytes)
    })
    .await
    .map_err(|e| unreadable(e.to_string()))?
    .map_err(|e| unreadable(e.to_string()))?;
    state.store.keep_counter_photo(upload_id, &jpeg).await?;
    Ok(Some(jpeg))
}
