//! The card's one-time QR code, for its holder: a fresh code, and whether it was used.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;

use crate::auth::{CurrentSession, CurrentSessionWithCard};
use crate::error::ApiError;
use crate::services::authorization_view::{state_of, today};
use crate::services::card_qr_token::{self, Sealing};
use crate::services::usable_card;
use crate::state::AppState;
use nhi_core::api::{AuthorizationState, CardQr, Problem, ProblemCode, QrState, QrStatus};

#[utoipa::path(post, path = "/card/qr", security(("bearer" = [])),
    responses((status = 201, body = CardQr), (status = 404, body = Problem, content_type = "application/problem+json", description = "no_card")))]
pub async fn issue(
    State(state): State<AppState>,
    me: CurrentSessionWithCard,
) -> Result<(StatusCode, Json<CardQr>), ApiError> {
    let Some(application_id) = usable_card::of_session(&me.session.person, me.card) else {
        return Err(ApiError::refuse(
            ProblemCode::NoCard,
            "Apply for the Virtual NHI Card first.",
        ));
    };
    Ok((
        StatusCode::CREATED,
        Json(card_qr_token::issue(&state, application_id, None)),
    ))
}

#[utoipa::path(get, path = "/card/qr/{qr_id}", security(("bearer" = [])),
    params(("qr_id" = String, Path, description = "The QR's id from POST /card/qr")),
    responses((status = 200, body = QrStatus), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn status(
    State(state): State<AppState>,
    me: CurrentSession,
    Path(qr_id): Path<String>,
) -> Result<Json<QrStatus>, ApiError> {
    let claims = card_qr_token::open(&state.key, Sealing::Id, &qr_id).ok_or(ApiError::NotFound)?;
    let authorization = match claims.authorization_id {
        Some(id) => state.store.find_authorization(id).await?,
        None => None,
    };
    let holder = state
        .store
        .find_application(claims.application_id)
        .await?
        .map(|a| a.id_number);
    // The holder asks about their own codes; a delegate about the codes they showed.
    let me = &me.session.person.id_number;
    let mine =
        holder.as_ref() == Some(me) || authorization.as_ref().is_some_and(|a| a.grantee_id == *me);
    if !mine {
        return Err(ApiError::NotFound);
    }
    let revoked = authorization.is_some_and(|a| {
        state_of(&a, today(&state), state.clock.now()) != AuthorizationState::Active
    });
    let used = state.store.qr_use(&claims.serial).await?;
    let state_now = if revoked {
        QrState::Revoked
    } else if used.is_some() {
        QrState::Used
    } else if claims.expires_at() <= state.clock.now() {
        QrState::Expired
    } else {
        QrState::Active
    };
    Ok(Json(QrStatus {
        state: state_now,
        used_at: used.as_ref().map(|u| u.used_at),
        institution: used.map(|u| u.institution),
    }))
}
