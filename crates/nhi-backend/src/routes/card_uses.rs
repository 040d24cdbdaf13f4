//! `GET /api/v1/card/uses`: where the person's card was used — scanned at a counter or
//! allowed for a video visit, by them or by someone they authorized.

use axum::extract::State;
use axum::Json;

use crate::auth::CurrentSession;
use crate::error::ApiError;
use crate::services::authorization_view::party;
use crate::state::AppState;
use nhi_core::api::{CardUse, Problem};
use nhi_core::domain::card_qr::visit_sequence;

/// The uses listed: the recent ones a person checks, not a year's archive.
const USES_SHOWN: u32 = 20;

#[utoipa::path(get, path = "/card/uses", security(("bearer" = [])),
    responses((status = 200, body = Vec<CardUse>, description = "The card's latest uses, newest first"),
        (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<AppState>,
    me: CurrentSession,
) -> Result<Json<Vec<CardUse>>, ApiError> {
    let person = me.session.person;
    let mut uses = Vec::new();
    for (qr_use, number) in state.store.card_uses(&person.id_number, USES_SHOWN).await? {
        let delegate = match &qr_use.delegate_id {
            Some(id) => Some(party(&state, id).await?),
            None => None,
        };
        uses.push(CardUse {
            used_at: qr_use.used_at,
            institution: qr_use.institution,
            visit_sequence: u32::try_from(number)
                .ok()
                .and_then(visit_sequence)
                .unwrap_or_default(),
            video_visit: qr_use.video_visit,
            delegate,
        });
    }
    Ok(Json(uses))
}
