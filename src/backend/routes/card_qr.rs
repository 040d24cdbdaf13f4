//! The card's one-time QR code, for its holder: a fresh code, and whether it was used.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;

use crate::api::{CardQr, Problem, ProblemCode, QrState, QrStatus};
use crate::backend::auth::{session_token, CurrentSession};
use crate::backend::authorization_view::is_active;
use crate::backend::error::ApiError;
use crate::backend::state::AppState;
use crate::backend::store::QrToken;
use crate::domain::card_application::ApplicationStatus;
use crate::domain::card_qr::{payload_for, QR_LIFETIME};

#[utoipa::path(post, path = "/card/qr", security(("bearer" = [])),
    responses((status = 201, body = CardQr), (status = 404, body = Problem, content_type = "application/problem+json", description = "no_card")))]
pub async fn issue(
    State(state): State<AppState>,
    me: CurrentSession,
) -> Result<(StatusCode, Json<CardQr>), ApiError> {
    let person = me.session.person;
    crate::backend::card_review::auto_approve_due(&state).await?;
    let application = state
        .store
        .current_application(&person.id_number)
        .await?
        .filter(|a| {
            matches!(
                a.status,
                ApplicationStatus::UnderReview | ApplicationStatus::Approved
            )
        });
    let Some(application) = application.filter(|_| !person.card_voided) else {
        return Err(ApiError::refuse(
            ProblemCode::NoCard,
            404,
            "No card",
            "Apply for the Virtual NHI Card first.",
        ));
    };
    let now = state.clock.now();
    let token = session_token::generate();
    let mut id = [0u8; 12];
    rand::rngs::OsRng.fill_bytes(&mut id);
    let record = QrToken {
        qr_id: URL_SAFE_NO_PAD.encode(id),
        id_number: person.id_number.clone(),
        application_id: application.id,
        delegate_id: None,
        authorization_id: None,
        issued_at: now,
        expires_at: now + QR_LIFETIME,
        used_at: None,
        used_by: None,
    };
    state
        .store
        .insert_qr_token(&session_token::digest(&token), &record)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(CardQr {
            qr_id: record.qr_id,
            payload: payload_for(&token),
            expires_at: record.expires_at,
        }),
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
    let token = state
        .store
        .qr_token_by_id(&qr_id)
        .await?
        .filter(|t| {
            // The holder asks about their own codes; a delegate about the codes they showed.
            let me = &me.session.person.id_number;
            t.id_number == *me || t.delegate_id.as_deref() == Some(me.as_str())
        })
        .ok_or(ApiError::NotFound)?;
    let revoked = match token.authorization_id {
        Some(id) => !is_active(&state, id).await?,
        None => false,
    };
    let state_now = if revoked {
        QrState::Revoked
    } else if token.used_at.is_some() {
        QrState::Used
    } else if token.expires_at <= state.clock.now() {
        QrState::Expired
    } else {
        QrState::Active
    };
    Ok(Json(QrStatus {
        state: state_now,
        used_at: token.used_at,
        institution: token.used_by,
    }))
}
