//! A use of a card at an institution — by a scanned QR or by an allowed video visit — stated
//! once: the checks before it (the institution in the programme, the card usable, a
//! delegate's authorization still active), the use as it will be recorded, the refusals when
//! its write finds things changed since, and what the clinic is told after. The two ways
//! differ only in what carries the patient's consent (a one-time code; an answer) and in
//! what the use is written together with.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::error::ApiError;
use crate::heavy;
use crate::services::authorization_view;
use crate::services::institution_cards::refuse;
use crate::state::AppState;
use crate::store::{CardAtCounter, InstitutionRecord, PersonRecord, QrUse, Sex, StoreError};
use nhi_core::api::{AuthorizationState, ProblemCode, Verification};
use nhi_core::domain::card_application::{card_usable, ApplicationStatus};
use nhi_core::domain::card_qr::{visit_sequence, HisCode};
use nhi_core::domain::{IdNumber, RocDate};

/// A use that may be recorded: checked, with what the clinic will be shown once it is.
pub struct CardUse {
    pub holder: PersonRecord,
    /// The counter photo, base64.
    pub photo: Option<Arc<str>>,
    /// The row the use is recorded as (its visit number is taken by the write).
    pub record: QrUse,
}

/// Checks a use of the card of application `application_id` at `institution` — by its
/// holder, or by a delegate under `authorization_id` — and prepares its record, `serial`
/// naming it (the QR's own, or a fresh one for a video visit). `None` when there is no such
/// card; a refusal when it may not be used.
pub async fn prepare(
    state: &AppState,
    institution: &InstitutionRecord,
    application_id: i64,
    authorization_id: Option<i64>,
    serial: Vec<u8>,
    video_visit: bool,
    at: DateTime<Utc>,
) -> Result<Option<CardUse>, ApiError> {
    ensure_in_programme(institution)?;
    let Some(card) = presentable(state, application_id, authorization_id).await? else {
        return Ok(None);
    };
    Ok(Some(CardUse {
        record: QrUse {
            serial,
            id_number: card.card.holder.id_number.clone(),
            application_id,
            authorization_id,
            delegate_id: card.delegate_id,
            used_at: at,
            institution: institution.name.clone(),
            video_visit,
        },
        holder: card.card.holder,
        photo: card.photo,
    }))
}

impl CardUse {
    /// What the clinic is told once the use was recorded with `visit_number`.
    pub async fn answer(
        self,
        state: &AppState,
        visit_number: u32,
    ) -> Result<Verification, ApiError> {
        identity_answer(
            state,
            &self.holder,
            self.photo,
            self.record.delegate_id.as_ref(),
            visit_number,
            &self.record.institution,
            self.record.used_at,
        )
        .await
    }
}

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
struct Presentable {
    pub card: CardAtCounter,
    /// The delegate presenting it under an active authorization.
    pub delegate_id: Option<IdNumber>,
    pub photo: Option<Arc<str>>,
}

/// Checks the card of application `application_id` (presented under `authorization_id` by a
/// delegate, or by its holder): not voided or cancelled, the authorization still active.
/// `None` when there is no such card.
async fn presentable(
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

/// The photo the counter is shown, base64: the approved card's face-sized copy (made once).
/// A card read without the copy's bytes (the store left out the one whose text is kept) gets
/// the kept text.
pub async fn counter_photo(
    state: &AppState,
    card: &CardAtCounter,
) -> Result<Option<Arc<str>>, ApiError> {
    let made;
    let jpeg = match (card.status, &card.counter_photo) {
        (ApplicationStatus::Approved, Some(kept)) => kept,
        (ApplicationStatus::Approved, None) => {
            if let Some(text) = state.counter_photo_texts.kept(&card.photo_upload) {
                return Ok(Some(text));
            }
            match make_counter_photo(state, &card.photo_upload).await? {
                Some(jpeg) => {
                    made = jpeg;
                    &made
                }
                None => return Ok(None),
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(state.counter_photo_texts.of(&card.photo_upload, jpeg)))
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
    photo: Option<Arc<str>>,
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
        photo_jpeg_base64: photo.map(|text| text.to_string()),
        presented_by_delegate: delegate.is_some(),
        delegate,
        visit_sequence,
        institution: institution.to_owned(),
        verified_at,
    })
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
