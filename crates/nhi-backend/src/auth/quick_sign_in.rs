//! Quick sign-in (生物辨識輔助登入): challenges, enrolling a device's key, and signing in
//! with a signature over a challenge instead of the password.
//!
//! Every signature that does not verify — and every challenge that was not issued for this
//! ID and device, or was used already — counts against the ID through the one attempt
//! limiter, reserved before anything is checked: five in a row lock quick sign-in (not the
//! password, which turns it back on).

use std::net::IpAddr;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::device_check;
use super::sessions::NewAppSession;
use crate::crypto::{device_signature, session_token};
use crate::error::ApiError;
use crate::services::account_mail::{self, Notice};
use crate::services::attempt_guard::{self, Attempt};
use crate::state::AppState;
use crate::store::{
    ChallengeFor, ChallengeKind, KeyInUse, PersonRecord, QuickSignInKeyRecord, SpentChallenge,
};
use nhi_core::api::{
    Challenge, ChallengeRequest, EnrolKey, LoginResponse, Problem, ProblemCode, QuickSignIn,
    QuickSignInKey,
};
use nhi_core::domain::attempt_limit::{
    QUICK_SIGN_IN_CHALLENGES_PER_CLIENT, QUICK_SIGN_IN_PER_CLIENT, QUICK_SIGN_IN_PER_ID,
};
use nhi_core::domain::quick_sign_in::{
    clean_label, signed_message, Purpose, CHALLENGE_LIFETIME, MAX_PUBLIC_KEY_BYTES,
    MAX_SIGNATURE_BYTES,
};
use nhi_core::domain::IdNumber;
use nhi_core::i18n::Lang;

/// The attempt-limit subject of an ID's quick sign-in.
pub fn subject(id: &IdNumber) -> String {
    format!("quick-sign-in-id:{id}")
}

/// A new single-use challenge for the ID, device and purpose. Given for any well-formed ID,
/// with or without a key: the answer tells nothing of who enrolled.
pub async fn issue_challenge(
    state: &AppState,
    request: &ChallengeRequest,
    client: IpAddr,
) -> Result<Challenge, ApiError> {
    let id = IdNumber::parse(&request.id_number)?;
    device_check::well_formed_device_id(&request.device_id)?;
    let issued_for = ChallengeFor {
        kind: ChallengeKind::Key(request.purpose),
        id: &id,
        device_id: &request.device_id,
    };
    issue(state, issued_for, None, client).await
}

/// A new challenge (a passkey ceremony's with its state), counted against the client
/// address's rate: each is a row for a while.
pub(super) async fn issue(
    state: &AppState,
    issued_for: ChallengeFor<'_>,
    ceremony: Option<&str>,
    client: IpAddr,
) -> Result<Challenge, ApiError> {
    let rate = [(
        format!("quick-sign-in-challenges:{client}"),
        QUICK_SIGN_IN_CHALLENGES_PER_CLIENT,
    )];
    attempt_guard::count_against(state, &rate).await??;
    let challenge = session_token::generate();
    let expires_at = state.clock.now() + CHALLENGE_LIFETIME;
    state
        .store
        .insert_challenge(
            &session_token::digest(&challenge),
            issued_for,
            expires_at,
            ceremony,
        )
        .await?;
    Ok(Challenge {
        challenge,
        expires_at,
    })
}

/// Keeps the signed-in person's new key for this device, once the device has shown it is
/// bound and active and has signed an `enrol` challenge with the key. The person is mailed.
pub async fn enrol(
    state: &AppState,
    person: &PersonRecord,
    request: &EnrolKey,
    lang: Lang,
) -> Result<QuickSignInKey, ApiError> {
    let id = &person.id_number;
    device_check::well_formed_device_id(&request.device_id)?;
    let binding =
        device_check::bound_and_active(state, id, &request.device_id, &request.device_key).await?;
    let label = device_label(&request.label, &binding.label);
    let public_key = decode(&request.public_key, MAX_PUBLIC_KEY_BYTES, "public_key")?;
    let signature = decode(&request.signature, MAX_SIGNATURE_BYTES, "signature")?;
    let issued_for = ChallengeFor {
        kind: ChallengeKind::Key(Purpose::Enrol),
        id,
        device_id: &request.device_id,
    };
    match spend(state, &request.challenge, issued_for).await? {
        SpentChallenge::Fresh(_) => {}
        SpentChallenge::Expired => return Err(expired()),
        SpentChallenge::Unknown => return Err(unknown_challenge()),
    }
    let message = signed_message(
        Purpose::Enrol,
        &request.challenge,
        id.as_str(),
        &request.device_id,
    );
    if !device_signature::verifies(&public_key, &message, &signature) {
        return Err(refused("The new key's signature did not verify."));
    }
    let key = QuickSignInKeyRecord {
        device_id: request.device_id.clone(),
        public_key,
        label,
        enrolled_at: state.clock.now(),
        last_used_at: None,
        passkey: None,
    };
    keep_key(state, id, key, lang).await
}

/// The device's name as the list of keys will show it: the one sent, or the name it was
/// bound with when nothing of that is left.
pub(super) fn device_label(sent: &str, bound: &str) -> String {
    match clean_label(sent) {
        label if label.is_empty() => clean_label(bound),
        label => label,
    }
}

/// Keeps a verified new key (replacing the device's earlier one) while the device is still
/// the active one, and mails the person.
pub(super) async fn keep_key(
    state: &AppState,
    id: &IdNumber,
    key: QuickSignInKeyRecord,
    lang: Lang,
) -> Result<QuickSignInKey, ApiError> {
    if key.label.is_empty() {
        return Err(ApiError::InvalidRequest(
            "label must name the device".into(),
        ));
    }
    if !state.store.enrol_key(id, &key).await? {
        // The device was switched away from between the check and the write.
        return Err(ApiError::refuse(
            ProblemCode::DeviceInactive,
            "Another device was made the active one for this ID.",
        ));
    }
    let notice = Notice::QuickSignInEnrolled { label: &key.label };
    account_mail::send(state, id, lang, notice).await?;
    Ok(key_view(&key))
}

/// Signs in with a signature over a `sign_in` challenge: a session of the usual 2 hours.
pub async fn sign_in(
    state: &AppState,
    request: &QuickSignIn,
    client: IpAddr,
) -> Result<LoginResponse, ApiError> {
    let id = IdNumber::parse(&request.id_number)?;
    device_check::well_formed_device_id(&request.device_id)?;
    device_check::bound_and_active(state, &id, &request.device_id, &request.device_key).await?;

    let attempt = reserve(state, &id, client).await?;
    let issued_for = ChallengeFor {
        kind: ChallengeKind::Key(Purpose::SignIn),
        id: &id,
        device_id: &request.device_id,
    };
    let (attempt, _) = spend_counted(state, attempt, &request.challenge, issued_for).await?;
    let message = signed_message(
        Purpose::SignIn,
        &request.challenge,
        id.as_str(),
        &request.device_id,
    );
    let signature = URL_SAFE_NO_PAD
        .decode(&request.signature)
        .unwrap_or_default();
    let key = state.store.find_key(&id, &request.device_id).await?;
    let Some(key) = key.filter(|k| {
        k.passkey.is_none() && device_signature::verifies(&k.public_key, &message, &signature)
    }) else {
        tracing::info!("quick sign-in signature refused");
        let refusal = refused("The signature did not verify for a key of this ID and device.");
        return Err(refuse_counted(attempt, refusal).await);
    };
    let in_use = KeyInUse {
        id: &id,
        device_id: &request.device_id,
        public_key: &key.public_key,
        updated_passkey: None,
    };
    start_session(state, attempt, in_use).await
}

/// A try reserved against the ID's and the client address's quick sign-in limits — before
/// anything is checked — or quick sign-in locked.
pub(super) async fn reserve<'a>(
    state: &'a AppState,
    id: &IdNumber,
    client: IpAddr,
) -> Result<Attempt<'a>, ApiError> {
    let subjects = [
        (subject(id), QUICK_SIGN_IN_PER_ID),
        (
            format!("quick-sign-in-client:{client}"),
            QUICK_SIGN_IN_PER_CLIENT,
        ),
    ];
    match attempt_guard::try_reserve(state, &subjects).await? {
        Ok(attempt) => Ok(attempt),
        Err(lockout) => Err(locked(lockout.seconds)),
    }
}

/// Spends the challenge for a sign-in: a late one gives the try back (no guess), an unknown
/// one counts. The ceremony's state, if any, comes back.
pub(super) async fn spend_counted<'a>(
    state: &AppState,
    attempt: Attempt<'a>,
    challenge: &str,
    issued_for: ChallengeFor<'_>,
) -> Result<(Attempt<'a>, Option<String>), ApiError> {
    match spend(state, challenge, issued_for).await? {
        SpentChallenge::Fresh(ceremony) => Ok((attempt, ceremony)),
        SpentChallenge::Expired => {
            attempt.release().await;
            Err(expired())
        }
        SpentChallenge::Unknown => Err(refuse_counted(attempt, unknown_challenge()).await),
    }
}

/// The verified key's session of the usual 2 hours, started in one write with the check
/// that the key is still enrolled and its device still the active one.
pub(super) async fn start_session(
    state: &AppState,
    attempt: Attempt<'_>,
    key: KeyInUse<'_>,
) -> Result<LoginResponse, ApiError> {
    let person = state
        .store
        .find_person(key.id)
        .await?
        .ok_or_else(|| refused("No such person."))?;
    let new = NewAppSession::starting(state);
    let started = state
        .store
        .start_session_with_key(key, &new.token_hash, new.record(key.id.as_str()))
        .await?;
    if !started {
        // Removed (or its device switched away from) while this was being checked.
        attempt.release().await;
        return Err(refused("This key was removed."));
    }
    attempt.succeeded().await?;
    Ok(new.answer(&person))
}

/// The ID's keys, newest first.
pub async fn keys_of(state: &AppState, id: &IdNumber) -> Result<Vec<QuickSignInKey>, ApiError> {
    let keys = state.store.keys_of(id).await?;
    Ok(keys.iter().map(key_view).collect())
}

pub(super) fn key_view(key: &QuickSignInKeyRecord) -> QuickSignInKey {
    QuickSignInKey {
        device_id: key.device_id.clone(),
        label: key.label.clone(),
        enrolled_at: key.enrolled_at,
        last_used_at: key.last_used_at,
    }
}

/// Spends the challenge if it was issued for exactly this and is unused.
pub(super) async fn spend(
    state: &AppState,
    challenge: &str,
    issued_for: ChallengeFor<'_>,
) -> Result<SpentChallenge, ApiError> {
    let hash = session_token::digest(challenge);
    Ok(state
        .store
        .spend_challenge(&hash, issued_for, state.clock.now())
        .await?)
}

pub(super) fn expired() -> ApiError {
    ApiError::refuse(
        ProblemCode::ChallengeExpired,
        "The challenge's 60 seconds were over. Ask for a new one.",
    )
}

fn unknown_challenge() -> ApiError {
    refused("The challenge was not issued for this ID and device, or was used already.")
}

pub(super) fn refused(detail: &str) -> ApiError {
    ApiError::refuse(ProblemCode::QuickSignInRefused, detail)
}

fn locked(seconds: i64) -> ApiError {
    let seconds = seconds.max(1) as u64;
    ApiError::Refused(
        Problem::of(ProblemCode::QuickSignInLocked)
            .with_detail("Quick sign-in is off for now after signatures that did not verify. Sign in with the password.")
            .with_retry_after(seconds),
    )
}

/// A counted failure: the refusal with the tries left, or quick sign-in locked.
pub(super) async fn refuse_counted(attempt: Attempt<'_>, refusal: ApiError) -> ApiError {
    match attempt.failed().await {
        Ok(attempt_guard::AfterFailure::TriesLeft(left)) => refusal.with_attempts_left(left),
        Ok(attempt_guard::AfterFailure::Locked(lockout)) => locked(lockout.seconds),
        Err(error) => error,
    }
}

/// Unpadded base64url of at most `max` bytes.
fn decode(text: &str, max: usize, field: &str) -> Result<Vec<u8>, ApiError> {
    match URL_SAFE_NO_PAD.decode(text) {
        Ok(bytes) if !bytes.is_empty() && bytes.len() <= max => Ok(bytes),
        _ => Err(ApiError::InvalidRequest(format!(
            "{field} must be unpadded base64url of at most {max} bytes"
        ))),
    }
}
