//! Verifying a scanned card QR for an institution — the one place the API and the counter
//! page go through. The use it records is a `card_use` like a video visit's; what is its own
//! is the one-time code: opening it, its 5 minutes, and using it once.
//! (The institution's own cards are checked in `institution_cards`.)

use chrono::Datelike;

use crate::error::ApiError;
use crate::services::card_qr_token::{self, Sealing};
use crate::services::card_use::{
    self, ensure_in_programme, identity_answer, no_longer_usable, visit_numbers_used_up,
    MAX_VISITS_A_YEAR,
};
use crate::services::institution_cards::refuse;
use crate::state::AppState;
use crate::store::{Consumed, InstitutionRecord, OwnCodeUse};
use nhi_core::api::{ProblemCode, Verification};
use nhi_core::domain::card_qr::{token_from_payload, HisCode};

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
    // The holder's own code, the everyday case: on a store that can, used and the card read
    // back in one statement, under the same checks inside the write; when that did not
    // happen, the usual way below says why.
    if claims.authorization_id.is_none() {
        let kept = state
            .counter_photo_texts
            .known_upload(claims.application_id);
        let code = OwnCodeUse {
            serial: &claims.serial,
            application_id: claims.application_id,
            year: now.year(),
            used_at: now,
            institution: &institution.name,
            max_visits: MAX_VISITS_A_YEAR,
            photo_kept: kept.as_deref(),
        };
        if let Some((card, number)) = state.store.use_own_code_at_once(&code).await? {
            let photo = card_use::counter_photo(state, &card).await?;
            state
                .counter_photo_texts
                .remember(claims.application_id, &card.photo_upload);
            return identity_answer(
                state,
                &card.holder,
                photo,
                None,
                number,
                &institution.name,
                now,
            )
            .await;
        }
    }
    // Everything that can refuse is read first; the one write at the end uses the code and
    // takes the visit number together, so a refusal or a failure anywhere leaves the code as
    // it was.
    let card_use = card_use::prepare(
        state,
        institution,
        claims.application_id,
        claims.authorization_id,
        claims.serial.to_vec(),
        false,
        now,
    )
    .await?
    .ok_or_else(not_found)?;
    let number = match state
        .store
        .record_qr_use(&card_use.record, now.year(), MAX_VISITS_A_YEAR)
        .await?
    {
        Consumed::Now { visit_number } => visit_number,
        Consumed::AlreadyUsed => return Err(reused()),
        Consumed::VisitNumbersUsedUp => return Err(visit_numbers_used_up()),
        Consumed::NoLongerUsable => {
            return Err(no_longer_usable(state, claims.authorization_id).await?)
        }
    };
    card_use.answer(state, number).await
}
