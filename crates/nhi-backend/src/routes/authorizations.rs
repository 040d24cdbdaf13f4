//! Authorizing others to use one's card: offer (code + QR, 5 minutes, one-time), redeem by the
//! named grantee only (attempt limits make the code unguessable), list both sides with use
//! records, cancel, and the delegate's card QR.

use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::Json;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::{Rng, RngCore};
use std::net::SocketAddr;

use crate::auth::{action_approval, CurrentSession};
use crate::crypto::server_key::Purpose;
use crate::crypto::session_token;
use crate::error::{ApiError, ApiJson};
use crate::services::attempt_guard;
use crate::services::authorization_view::{state_of, today, view};
use crate::services::card_qr_token;
use crate::services::usable_card::{self, ForAuthorization};
use crate::state::AppState;
use crate::store::AuthorizationRecord;
use nhi_core::api::{
    AuthorizationList, AuthorizationOffer, AuthorizationState, AuthorizationView, CardQr,
    CreateAuthorization, Problem, ProblemCode, RedeemAuthorization,
};
use nhi_core::domain::authorization::{
    check_period, is_code, CODE_PER_GRANTEE, CODE_PER_OFFER, OFFER_LIFETIME, QR_PREFIX,
};
use nhi_core::domain::quick_sign_in::SensitiveAction;
use nhi_core::domain::IdNumber;

#[utoipa::path(post, path = "/authorizations", security(("bearer" = [])), request_body = CreateAuthorization,
    responses((status = 201, body = AuthorizationOffer), (status = 401, body = Problem, content_type = "application/problem+json", description = "quick_sign_in_refused (the confirmation did not verify)"), (status = 403, body = Problem, content_type = "application/problem+json", description = "approval_required (quick sign-in is on: authorizing needs its confirmation)"), (status = 404, body = Problem, content_type = "application/problem+json", description = "no_card"), (status = 409, body = Problem, content_type = "application/problem+json", description = "card_not_approved (yours is under review)"), (status = 422, body = Problem, content_type = "application/problem+json", description = "grantee_has_no_card, other_card_not_approved, invalid_period")))]
pub async fn create(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    me: CurrentSession,
    ApiJson(request): ApiJson<CreateAuthorization>,
) -> Result<(StatusCode, Json<AuthorizationOffer>), ApiError> {
    let grantor = me.session.person;
    let grantee = IdNumber::parse(&request.grantee_id)?;
    own_card_approved(&state, &grantor.id_number, "authorizing others").await?;
    if grantee == grantor.id_number {
        return Err(ApiError::InvalidRequest(
            "you cannot authorize yourself".into(),
        ));
    }
    match usable_card::for_authorization(&state, &grantee).await? {
        ForAuthorization::Approved => {}
        ForAuthorization::NoCard => {
            return Err(ApiError::refuse(
                ProblemCode::GranteeHasNoCard,
                "Both sides must hold a Virtual NHI Card.",
            ))
        }
        ForAuthorization::UnderReview => {
            return Err(ApiError::refuse(
                ProblemCode::OtherCardNotApproved,
                "The person you authorize must have an approved Virtual NHI Card: theirs is still under review.",
            ))
        }
    }
    check_period(request.starts_on, request.ends_on, today(&state))
        .map_err(|e| ApiError::refuse(ProblemCode::InvalidPeriod, e.to_string()))?;
    // Where quick sign-in is on, giving the card away needs its confirmation.
    let action = SensitiveAction::Authorize {
        grantee_id: grantee.to_string(),
        starts_on: request.starts_on,
        ends_on: request.ends_on,
    };
    let approval = request.approval.as_ref();
    action_approval::require(&state, &grantor, approval, &action, peer.ip()).await?;

    let code = format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000));
    let mut raw = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut raw);
    let qr_token = URL_SAFE_NO_PAD.encode(raw);
    let now = state.clock.now();
    let record = AuthorizationRecord {
        id: 0,
        grantor_id: grantor.id_number.clone(),
        grantee_id: grantee,
        starts_on: request.starts_on,
        ends_on: request.ends_on,
        code_hash: state.key.keyed(Purpose::AuthorizationCode, &code),
        offer_expires_at: now + OFFER_LIFETIME,
        offer_voided: false,
        redeemed_at: None,
        cancelled_at: None,
        created_at: now,
    };
    let id = state
        .store
        .insert_authorization(&record, &session_token::digest(&qr_token))
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(AuthorizationOffer {
            authorization_id: id,
            code,
            qr_payload: format!("{QR_PREFIX}{qr_token}"),
            expires_at: record.offer_expires_at,
        }),
    ))
}

/// Both sides of an authorization need an approved card: the caller's own, or why not.
async fn own_card_approved(state: &AppState, id: &IdNumber, doing: &str) -> Result<(), ApiError> {
    match usable_card::for_authorization(state, id).await? {
        ForAuthorization::Approved => Ok(()),
        ForAuthorization::NoCard => Err(ApiError::refuse(
            ProblemCode::NoCard,
            format!("Apply for your Virtual NHI Card before {doing}."),
        )),
        ForAuthorization::UnderReview => Err(ApiError::refuse(
            ProblemCode::CardNotApproved,
            format!(
                "Your Virtual NHI Card must be approved before {doing}: it is still under review."
            ),
        )),
    }
}

fn not_the_grantee() -> ApiError {
    ApiError::refuse(
        ProblemCode::NotTheGrantee,
        "Only the person the card holder named can redeem this.",
    )
}

fn offer_invalid() -> ApiError {
    ApiError::refuse(
        ProblemCode::OfferInvalid,
        "The code expired (5 minutes), was already used, or was voided.",
    )
}

#[utoipa::path(post, path = "/authorizations/redemptions", security(("bearer" = [])), request_body = RedeemAuthorization,
    responses(
        (status = 201, body = AuthorizationView),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "not_the_grantee"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "no_card"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "card_not_approved (yours is under review)"),
        (status = 410, body = Problem, content_type = "application/problem+json", description = "offer_invalid"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "code_invalid with attempts_left"),
        (status = 429, body = Problem, content_type = "application/problem+json", description = "too_many_attempts"),
    ))]
pub async fn redeem(
    State(state): State<AppState>,
    me: CurrentSession,
    ApiJson(request): ApiJson<RedeemAuthorization>,
) -> Result<(StatusCode, Json<AuthorizationView>), ApiError> {
    let grantee = me.session.person;
    own_card_approved(&state, &grantee.id_number, "using someone else's").await?;
    let now = state.clock.now();
    // Reserved before any code is compared: a burst of guesses checks at most the limit.
    let attempt = attempt_guard::reserve(
        &state,
        &[(
            format!("auth-grantee:{}", grantee.id_number),
            CODE_PER_GRANTEE,
        )],
    )
    .await?;
    let found = match (&request.qr_payload, &request.grantor_id, &request.code) {
        (Some(payload), _, _) => {
            let Some(token) = payload.trim().strip_prefix(QR_PREFIX) else {
                attempt.release().await;
                return Err(ApiError::InvalidRequest(
                    "not an authorization QR code".into(),
                ));
            };
            // A QR carries 256 random bits: not guessable, so no try is counted.
            attempt.release().await;
            state
                .store
                .authorization_by_qr(&session_token::digest(token))
                .await?
                .ok_or_else(offer_invalid)?
        }
        (None, Some(grantor), Some(code)) => {
            let grantor = match IdNumber::parse(grantor) {
                Ok(grantor) => grantor,
                Err(e) => {
                    attempt.release().await;
                    return Err(e.into());
                }
            };
            // Every offer of the grantor, open ones first: a used or lapsed code is refused as
            // such, a code matching none is a wrong guess.
            let mut offers = state.store.offers_of(&grantor).await?;
            offers.sort_by_key(|o| {
                o.redeemed_at.is_some() || o.offer_voided || o.cancelled_at.is_some()
            });
            let hash = state.key.keyed(Purpose::AuthorizationCode, code.trim());
            match offers.iter().find(|o| is_code(code) && o.code_hash == hash) {
                Some(offer) if offer.grantee_id == grantee.id_number => {
                    attempt.succeeded().await?;
                    offer.clone()
                }
                Some(_) => {
                    return Err(attempt.refuse(not_the_grantee()).await);
                }
                None => {
                    // A wrong code also counts against the grantor's open offers to this
                    // person, which are voided after a few.
                    let open = |o: &&AuthorizationRecord| {
                        o.redeemed_at.is_none() && !o.offer_voided && o.cancelled_at.is_none()
                    };
                    for offer in offers
                        .iter()
                        .filter(open)
                        .filter(|o| o.grantee_id == grantee.id_number)
                    {
                        let tries = state
                            .store
                            .reserve_attempt(
                                &format!("auth-offer:{}", offer.id),
                                now,
                                now - OFFER_LIFETIME,
                                CODE_PER_OFFER,
                            )
                            .await?;
                        if tries.is_none_or(|n| n >= CODE_PER_OFFER) {
                            state.store.void_offer(offer.id).await?;
                        }
                    }
                    return Err(attempt
                        .refuse(ApiError::refuse(
                            ProblemCode::CodeInvalid,
                            "No open authorization of this card holder has this code.",
                        ))
                        .await);
                }
            }
        }
        _ => {
            attempt.release().await;
            return Err(ApiError::InvalidRequest(
                "give the card holder's ID and the code, or the QR".into(),
            ));
        }
    };
    if found.grantee_id != grantee.id_number {
        return Err(not_the_grantee());
    }
    if !state.store.redeem_authorization(found.id, now).await? {
        return Err(offer_invalid());
    }
    let record = state
        .store
        .find_authorization(found.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok((
        StatusCode::CREATED,
        Json(view(&state, &record, false).await?),
    ))
}

#[utoipa::path(get, path = "/authorizations", security(("bearer" = [])), responses((status = 200, body = AuthorizationList)))]
pub async fn list(
    State(state): State<AppState>,
    me: CurrentSession,
) -> Result<Json<AuthorizationList>, ApiError> {
    let (granted, allowed) = state
        .store
        .authorizations_of(&me.session.person.id_number)
        .await?;
    let mut out = AuthorizationList {
        allowed: Vec::new(),
        granted: Vec::new(),
    };
    for a in &allowed {
        out.allowed.push(view(&state, a, false).await?);
    }
    for a in &granted {
        out.granted.push(view(&state, a, true).await?);
    }
    Ok(Json(out))
}

#[utoipa::path(delete, path = "/authorizations/{id}", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The authorization")),
    responses((status = 204), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn cancel(
    State(state): State<AppState>,
    me: CurrentSession,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    let me = me.session.person.id_number;
    let a = state
        .store
        .find_authorization(id)
        .await?
        .filter(|a| a.grantor_id == me || a.grantee_id == me)
        .ok_or(ApiError::NotFound)?;
    state
        .store
        .cancel_authorization(a.id, state.clock.now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The grantor's card QR for the grantee to show, marked as presented by a delegate.
#[utoipa::path(post, path = "/authorizations/{id}/qr", security(("bearer" = [])),
    params(("id" = i64, Path, description = "An authorization the caller holds")),
    responses((status = 201, body = CardQr), (status = 403, body = Problem, content_type = "application/problem+json", description = "authorization_inactive"), (status = 409, body = Problem, content_type = "application/problem+json", description = "grantor_card_invalid")))]
pub async fn delegate_qr(
    State(state): State<AppState>,
    me: CurrentSession,
    Path(id): Path<i64>,
) -> Result<(StatusCode, Json<CardQr>), ApiError> {
    let grantee = me.session.person.id_number;
    let a = state
        .store
        .find_authorization(id)
        .await?
        .filter(|a| a.grantee_id == grantee)
        .ok_or(ApiError::NotFound)?;
    if state_of(&a, today(&state), state.clock.now()) != AuthorizationState::Active {
        return Err(ApiError::refuse(
            ProblemCode::AuthorizationInactive,
            "This authorization is cancelled, has ended, or has not started yet.",
        ));
    }
    let application = usable_card::of_id(&state, &a.grantor_id)
        .await?
        .ok_or_else(|| {
            ApiError::refuse(
                ProblemCode::GrantorCardInvalid,
                "The card holder's card is no longer valid.",
            )
        })?;
    Ok((
        StatusCode::CREATED,
        Json(card_qr_token::issue(&state, application.id, Some(a.id))),
    ))
}
