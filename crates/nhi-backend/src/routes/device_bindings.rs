//! Device authentication (裝置認證): the phone path (telecom check, then the password) and
//! the device-code path (the code from the registration website).

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::Duration;
use std::net::SocketAddr;

use crate::auth::password_login;
use crate::auth::sessions::start_session;
use crate::crypto::server_key::Purpose;
use crate::crypto::{device_key, password_hash, session_token};
use crate::error::{ApiError, ApiJson};
use crate::pages::PageLang;
use crate::services::account_mail::{self, Notice};
use crate::services::attempt_guard;
use crate::state::AppState;
use crate::store::{Contract, DeviceBinding, PersonRecord, SecretKind};
use nhi_core::api::{
    BindRequest, BindResponse, BindingProof, DeviceInfo, PhoneCheckRequest, PhoneCheckResponse,
    Problem, ProblemCode,
};
use nhi_core::domain::attempt_limit::{
    DEVICE_CODE_OVERALL, DEVICE_CODE_PER_CLIENT, DEVICE_CODE_PER_DEVICE, PHONE_CHECK_PER_CLIENT,
    PHONE_CHECK_PER_ID,
};
use nhi_core::domain::consent::ConsentDocument;
use nhi_core::domain::{password, DeviceCode, IdNumber, MobileNumber, Secret};

/// How long the phone check's ticket lets the person set the password.
pub const PHONE_TICKET_LIFETIME: Duration = Duration::minutes(10);

fn voided() -> ApiError {
    ApiError::refuse(
        ProblemCode::CardVoided,
        "This person's NHI card is voided; the virtual card cannot be used.",
    )
}

#[utoipa::path(post, path = "/device-bindings/phone-checks", request_body = PhoneCheckRequest,
    responses(
        (status = 201, body = PhoneCheckResponse, description = "Monthly contract in the person's name"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "unknown_id"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "terms_not_accepted (told first), card_digits_mismatch, mobile_not_found, mobile_owned_by_other, prepaid_number"),
        (status = 429, body = Problem, content_type = "application/problem+json", description = "too_many_attempts"),
    ))]
pub async fn phone_check(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiJson(request): ApiJson<PhoneCheckRequest>,
) -> Result<(StatusCode, Json<PhoneCheckResponse>), ApiError> {
    let id = IdNumber::parse(&request.id_number)?;
    let mobile = MobileNumber::parse(&request.mobile)
        .map_err(|e| ApiError::InvalidRequest(e.to_string()))?;
    // The terms come first (the manual: "Click Confirm to agree"), before anything is asked.
    let terms = ConsentDocument::AppTerms;
    if request.terms_version.as_deref() != Some(terms.current_version()) {
        return Err(ApiError::refuse(
            ProblemCode::TermsNotAccepted,
            "Agree to the current User Terms and Conditions and Personal Privacy Statement \
             first (terms_version).",
        ));
    }
    // Reserved before anything is compared, so a burst of guesses checks at most the limit.
    let attempt = attempt_guard::reserve(
        &state,
        &[
            (format!("phone-id:{id}"), PHONE_CHECK_PER_ID),
            (
                format!("phone-client:{}", peer.ip()),
                PHONE_CHECK_PER_CLIENT,
            ),
        ],
    )
    .await?;

    let Some(person) = state.store.find_person(&id).await? else {
        let refusal = ApiError::refuse(
            ProblemCode::UnknownId,
            "No insured person has this ID number.",
        );
        return Err(attempt.refuse(refusal).await);
    };
    if person.card_voided {
        attempt.release().await;
        return Err(voided());
    }
    if !person.card_number.ends_with_digits(&request.card_last4) {
        let refusal = ApiError::refuse(
            ProblemCode::CardDigitsMismatch,
            "These are not the last 4 digits of this person's NHI card number.",
        );
        return Err(attempt.refuse(refusal).await);
    }
    let subscription = state.store.find_subscription(&mobile).await?;
    let Some(subscription) = subscription else {
        let refusal = ApiError::refuse(
            ProblemCode::MobileNotFound,
            "No Taiwanese carrier has this mobile number.",
        );
        return Err(attempt.refuse(refusal).await);
    };
    if subscription.owner_id != id {
        let refusal = ApiError::refuse(
            ProblemCode::MobileOwnedByOther,
            "The carrier says this number is not in this person's name.",
        );
        return Err(attempt.refuse(refusal).await);
    }
    // The card digits and the number were right: what the caller knew is proven, and the
    // agreement is the person's.
    attempt.succeeded().await?;
    state
        .store
        .record_consent(&id, terms, terms.current_version(), state.clock.now())
        .await?;
    if subscription.contract == Contract::Prepaid {
        return Err(ApiError::refuse(
            ProblemCode::PrepaidNumber,
            "Prepaid numbers cannot be used; use device code authentication instead.",
        ));
    }

    let now = state.clock.now();
    let ticket = session_token::generate();
    let expires_at = now + PHONE_TICKET_LIFETIME;
    state
        .store
        .insert_secret(
            &session_token::digest(&ticket),
            SecretKind::PhoneTicket,
            &id,
            now,
            expires_at,
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(PhoneCheckResponse {
            ticket,
            expires_at,
            carrier: subscription.carrier,
        }),
    ))
}

#[utoipa::path(post, path = "/device-bindings", request_body = BindRequest,
    responses(
        (status = 201, body = BindResponse, description = "Bound and active; the phone path also signs in"),
        (status = 410, body = Problem, content_type = "application/problem+json", description = "ticket_invalid, code_expired, code_used"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "code_invalid (with attempts_left), invalid_password"),
        (status = 429, body = Problem, content_type = "application/problem+json", description = "too_many_attempts"),
    ))]
pub async fn bind(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    lang: PageLang,
    ApiJson(request): ApiJson<BindRequest>,
) -> Result<(StatusCode, Json<BindResponse>), ApiError> {
    check_device_info(&request.device)?;
    let by_phone = matches!(request.proof, BindingProof::Phone { .. });
    let response = match request.proof {
        BindingProof::Phone { ticket, password } => {
            bind_by_phone(&state, &request.device, &ticket, &password).await?
        }
        BindingProof::DeviceCode { code } => {
            bind_by_code(&state, &request.device, &code, &peer).await?
        }
    };
    let label = request.device.label.trim();
    let bound = Notice::DeviceBound { label, by_phone };
    account_mail::send(&state, &response.id_number, lang.lang, bound).await?;
    Ok((StatusCode::CREATED, Json(response)))
}

fn check_device_info(device: &DeviceInfo) -> Result<(), ApiError> {
    crate::auth::device_check::well_formed_device_id(&device.device_id)?;
    // Spaces of every kind count as nothing: Rust's and those of the API document's pattern
    // (whose `\s` also takes U+FEFF).
    let blank = |c: char| c.is_whitespace() || c == '\u{feff}';
    if device.label.chars().all(blank) || device.label.chars().count() > 80 {
        return Err(ApiError::InvalidRequest(
            "label must be 1–80 characters".into(),
        ));
    }
    Ok(())
}

async fn bind_by_phone(
    state: &AppState,
    device: &DeviceInfo,
    ticket: &str,
    new_password: &Secret,
) -> Result<BindResponse, ApiError> {
    let now = state.clock.now();
    let hash = session_token::digest(ticket);
    let invalid = || {
        ApiError::refuse(
            ProblemCode::TicketInvalid,
            "The phone check is no longer valid. Please start the phone authentication again.",
        )
    };
    let secret = state
        .store
        .find_secret(&hash, SecretKind::PhoneTicket)
        .await?
        .filter(|s| s.used_at.is_none() && s.expires_at > now)
        .ok_or_else(invalid)?;
    password::validate(new_password.expose())
        .map_err(|e| ApiError::refuse(ProblemCode::InvalidPassword, e.to_string()))?;
    if !state.store.spend_secret(&hash, now).await? {
        return Err(invalid());
    }
    let person = state
        .store
        .find_person(&secret.id_number)
        .await?
        .ok_or(ApiError::NotFound)?;
    let phc = password_hash::hash(new_password.clone()).await?;
    // A new password ends every session of the ID and lifts a password lock: the person
    // has just proven card digits and phone.
    state.store.set_password(&person.id_number, &phc).await?;
    state
        .store
        .clear_attempts(&password_login::subject(&person.id_number))
        .await?;
    let key = bind_device(state, device, &person, "phone").await?;
    let session = start_session(state, &person).await?;
    Ok(BindResponse {
        id_number: person.id_number.clone(),
        name: person.name.clone(),
        device_key: key,
        session: Some(session),
    })
}

async fn bind_by_code(
    state: &AppState,
    device: &DeviceInfo,
    typed: &str,
    peer: &SocketAddr,
) -> Result<BindResponse, ApiError> {
    let attempt = attempt_guard::reserve(
        state,
        &[
            (
                format!("code-device:{}", device.device_id),
                DEVICE_CODE_PER_DEVICE,
            ),
            (format!("code-client:{}", peer.ip()), DEVICE_CODE_PER_CLIENT),
            ("code-all".to_owned(), DEVICE_CODE_OVERALL),
        ],
    )
    .await?;
    let mistyped = |detail: String| ApiError::refuse(ProblemCode::CodeInvalid, detail);

    let code = match DeviceCode::parse(typed) {
        Ok(code) => code,
        Err(e) => return Err(attempt.refuse(mistyped(e.to_string())).await),
    };
    let hash = state.key.keyed(Purpose::DeviceCode, code.as_str());
    let Some(secret) = state
        .store
        .find_secret(&hash, SecretKind::DeviceCode)
        .await?
    else {
        let detail = "No such device verification code. Check upper and lower case as shown.";
        return Err(attempt.refuse(mistyped(detail.into())).await);
    };
    // The code exists: whatever else is wrong with it, it was not a guess.
    attempt.succeeded().await?;
    let used = || {
        ApiError::refuse(
            ProblemCode::CodeUsed,
            "This device verification code was already used. Produce a new one on the website.",
        )
    };
    if secret.used_at.is_some() {
        return Err(used());
    }
    let now = state.clock.now();
    if secret.expires_at <= now {
        return Err(ApiError::refuse(
            ProblemCode::CodeExpired,
            "This device verification code has expired. Produce a new one on the website.",
        ));
    }
    let person = state
        .store
        .find_person(&secret.id_number)
        .await?
        .ok_or(ApiError::NotFound)?;
    if person.card_voided {
        return Err(voided());
    }
    if !state.store.spend_secret(&hash, now).await? {
        return Err(used());
    }
    let key = bind_device(state, device, &person, "code").await?;
    Ok(BindResponse {
        id_number: person.id_number.clone(),
        name: person.name.clone(),
        device_key: key,
        session: None,
    })
}

/// Makes a fresh key and binds the device as the ID's active one.
async fn bind_device(
    state: &AppState,
    device: &DeviceInfo,
    person: &PersonRecord,
    via: &str,
) -> Result<String, ApiError> {
    let key = device_key::generate();
    state
        .store
        .bind_device(&DeviceBinding {
            device_id: device.device_id.clone(),
            id_number: person.id_number.clone(),
            device_key_hash: device_key::digest(&key).to_vec(),
            label: device.label.trim().to_owned(),
            bound_via: via.to_owned(),
            bound_at: state.clock.now(),
            active: true,
        })
        .await?;
    Ok(key)
}
