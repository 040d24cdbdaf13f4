//! Quick sign-in in the web build: passkeys (WebAuthn) with a platform authenticator and user
//! verification required, checked by `webauthn-rs`. The same rules as a device's own key
//! (`quick_sign_in`): only the bound, active device; one key per ID and device; the ceremony's
//! challenge single-use and 60 seconds; every sign-in that does not verify counted through the
//! one attempt limiter before anything is checked.
//!
//! The ceremony's state (`PasskeyRegistration`, `PasskeyAuthentication`) is kept in the
//! store beside its challenge, so any instance can finish what another began.

use std::net::IpAddr;
use std::time::Duration;

use webauthn_rs::prelude::{
    AuthenticatorAttachment, Passkey, PasskeyAuthentication, PasskeyRegistration,
    PublicKeyCredential, RegisterPublicKeyCredential, Url, Uuid, Webauthn, WebauthnBuilder,
};

use super::device_check;
use super::quick_sign_in::{
    self, device_label, expired, keep_key, refuse_counted, refused, reserve, spend, spend_counted,
};
use crate::error::ApiError;
use crate::state::AppState;
use crate::store::{
    ChallengeFor, ChallengeKind, KeyInUse, PersonRecord, QuickSignInKeyRecord, SpentChallenge,
};
use nhi_core::api::{
    EnrolPasskey, LoginResponse, PasskeyCeremony, PasskeyCeremonyRequest, PasskeySignIn,
    ProblemCode, QuickSignInKey,
};
use nhi_core::domain::quick_sign_in::{Purpose, SensitiveAction, CHALLENGE_LIFETIME};
use nhi_core::domain::IdNumber;
use nhi_core::i18n::Lang;

/// A passkey authentication's state: the ceremony, and the action it confirms (none for a
/// sign-in), so an assertion begun for one thing serves no other.
#[derive(serde::Serialize, serde::Deserialize)]
struct Authentication {
    ceremony: PasskeyAuthentication,
    action: Option<String>,
}

/// The relying party for the backend's public address. WebAuthn names a site by its domain:
/// a loopback address is reached as `localhost` (which the backend's certificate names); any
/// other bare IP address has no passkeys.
pub fn relying_party(public_url: &str) -> Option<Webauthn> {
    let mut origin = Url::parse(public_url).ok()?;
    let host = origin.host_str()?.trim_matches(['[', ']']).to_owned();
    let rp_id = match host.parse::<IpAddr>() {
        Ok(ip) if ip.is_loopback() => {
            origin.set_host(Some("localhost")).ok()?;
            "localhost".to_owned()
        }
        Ok(_) => {
            tracing::info!(%public_url, "passkeys need the backend reached by a name, not an IP address");
            return None;
        }
        Err(_) => host,
    };
    let seconds = CHALLENGE_LIFETIME.num_seconds().unsigned_abs();
    WebauthnBuilder::new(&rp_id, &origin)
        .ok()?
        .rp_name("NHI Express 健保快易通")
        .timeout(Duration::from_secs(seconds))
        .build()
        .ok()
}

fn relying(state: &AppState) -> Result<&Webauthn, ApiError> {
    state.webauthn.as_deref().ok_or_else(|| {
        ApiError::refuse(
            ProblemCode::PasskeysUnavailable,
            "Passkeys need the app opened at the backend's name (https://localhost:… or its domain).",
        )
    })
}

/// Begins enrolling a passkey for the signed-in person on this device.
pub async fn begin_registration(
    state: &AppState,
    person: &PersonRecord,
    request: &PasskeyCeremonyRequest,
    client: IpAddr,
) -> Result<PasskeyCeremony, ApiError> {
    let webauthn = relying(state)?;
    let id = &person.id_number;
    device_check::well_formed_device_id(&request.device_id)?;
    device_check::bound_and_active(state, id, &request.device_id, &request.device_key).await?;
    // The passkey's name in the OS's list: the masked ID and the name, never the whole ID
    // (the handle is random, so the authenticator holds no ID number either).
    let (mut options, ceremony) = webauthn
        .start_passkey_registration(Uuid::new_v4(), &id.masked(), &person.name, None)
        .map_err(|e| ApiError::Internal(format!("passkey registration: {e}")))?;
    // This device's own authenticator (a fingerprint, a face, the screen lock), not a phone
    // or a key held against it.
    if let Some(selection) = options.public_key.authenticator_selection.as_mut() {
        selection.authenticator_attachment = Some(AuthenticatorAttachment::Platform);
    }
    let issued_for = ChallengeFor {
        kind: ChallengeKind::Passkey(Purpose::Enrol),
        id,
        device_id: &request.device_id,
    };
    begin(state, issued_for, &ceremony, &options.public_key, client).await
}

/// Keeps the browser's new passkey for this device, once the ceremony verifies (user
/// verification included). The person is mailed.
pub async fn finish_registration(
    state: &AppState,
    person: &PersonRecord,
    request: &EnrolPasskey,
    lang: Lang,
) -> Result<QuickSignInKey, ApiError> {
    let webauthn = relying(state)?;
    let id = &person.id_number;
    device_check::well_formed_device_id(&request.device_id)?;
    let binding =
        device_check::bound_and_active(state, id, &request.device_id, &request.device_key).await?;
    let label = device_label(&request.label, &binding.label);
    let credential: RegisterPublicKeyCredential =
        serde_json::from_value(request.credential.clone())
            .map_err(|e| ApiError::InvalidRequest(format!("credential: {e}")))?;
    let issued_for = ChallengeFor {
        kind: ChallengeKind::Passkey(Purpose::Enrol),
        id,
        device_id: &request.device_id,
    };
    let ceremony: PasskeyRegistration = match spend(state, &request.challenge, issued_for).await? {
        SpentChallenge::Fresh(Some(ceremony)) => read_state(&ceremony)?,
        SpentChallenge::Expired => return Err(expired()),
        SpentChallenge::Fresh(None) | SpentChallenge::Unknown => {
            return Err(refused(
                "The challenge was not issued for this, or was used already.",
            ))
        }
    };
    let passkey = webauthn
        .finish_passkey_registration(&credential, &ceremony)
        .map_err(|e| {
            tracing::info!(error = %e, "passkey registration refused");
            refused("The passkey could not be verified (user verification is required).")
        })?;
    let key = QuickSignInKeyRecord {
        device_id: request.device_id.clone(),
        public_key: passkey.cred_id().as_ref().to_vec(),
        label,
        enrolled_at: state.clock.now(),
        last_used_at: None,
        passkey: Some(write_state(&passkey)?),
    };
    keep_key(state, id, key, lang).await
}

/// Begins signing in with this device's passkey for the ID. The device proves itself first,
/// so no answer tells a stranger whether the ID has a passkey.
pub async fn begin_authentication(
    state: &AppState,
    request: &PasskeyCeremonyRequest,
    client: IpAddr,
) -> Result<PasskeyCeremony, ApiError> {
    let webauthn = relying(state)?;
    let id = IdNumber::parse(request.id_number.as_deref().unwrap_or_default())?;
    device_check::well_formed_device_id(&request.device_id)?;
    device_check::bound_and_active(state, &id, &request.device_id, &request.device_key).await?;
    let passkey = stored_passkey(state, &id, &request.device_id)
        .await?
        .ok_or_else(|| {
            refused("No passkey of this ID on this device: sign in with the password.")
        })?;
    let (options, ceremony) = webauthn
        .start_passkey_authentication(&[passkey])
        .map_err(|e| ApiError::Internal(format!("passkey authentication: {e}")))?;
    let purpose = match request.action {
        Some(_) => Purpose::Action,
        None => Purpose::SignIn,
    };
    let issued_for = ChallengeFor {
        kind: ChallengeKind::Passkey(purpose),
        id: &id,
        device_id: &request.device_id,
    };
    let kept = Authentication {
        ceremony,
        action: request.action.clone(),
    };
    begin(state, issued_for, &kept, &options.public_key, client).await
}

/// Signs in with the browser's assertion: a session of the usual 2 hours.
pub async fn sign_in(
    state: &AppState,
    request: &PasskeySignIn,
    client: IpAddr,
) -> Result<LoginResponse, ApiError> {
    let webauthn = relying(state)?;
    let id = IdNumber::parse(&request.id_number)?;
    device_check::well_formed_device_id(&request.device_id)?;
    device_check::bound_and_active(state, &id, &request.device_id, &request.device_key).await?;
    let attempt = reserve(state, &id, client).await?;
    let issued_for = ChallengeFor {
        kind: ChallengeKind::Passkey(Purpose::SignIn),
        id: &id,
        device_id: &request.device_id,
    };
    let (attempt, ceremony) = spend_counted(state, attempt, &request.challenge, issued_for).await?;
    let ceremony: Option<Authentication> = ceremony.as_deref().map(read_state).transpose()?;
    let stored = state.store.find_key(&id, &request.device_id).await?;
    // The ceremony names the passkey enrolled when it began: it must still be the one kept
    // (not removed, nor replaced by another key meanwhile).
    let verified = match (ceremony, stored) {
        (Some(kept), Some(stored)) if kept.action.is_none() && stored.passkey.is_some() => {
            assertion(webauthn, &kept.ceremony, &request.credential)
                .filter(|result| result.cred_id().as_ref() == stored.public_key.as_slice())
                .map(|result| (result, stored))
        }
        _ => None,
    };
    let Some((result, stored)) = verified else {
        let refusal = refused("The passkey's answer did not verify for this ID and device.");
        return Err(refuse_counted(attempt, refusal).await);
    };
    // The signature counter and backup state move on with each use.
    let mut passkey: Passkey = read_state(stored.passkey.as_deref().unwrap_or_default())?;
    let updated = match passkey.update_credential(&result) {
        Some(true) => Some(write_state(&passkey)?),
        _ => None,
    };
    let in_use = KeyInUse {
        id: &id,
        device_id: &request.device_id,
        public_key: &stored.public_key,
        updated_passkey: updated.as_deref(),
    };
    quick_sign_in::start_session(state, attempt, in_use).await
}

/// Whether the assertion answers the ceremony begun to confirm exactly `action` (kept with
/// the challenge just spent), made with the passkey `credential_id` enrolled now.
pub fn confirms(
    state: &AppState,
    ceremony: Option<&str>,
    assertion_sent: Option<&serde_json::Value>,
    action: &SensitiveAction,
    credential_id: &[u8],
) -> Result<bool, ApiError> {
    let webauthn = relying(state)?;
    let kept: Option<Authentication> = ceremony.map(read_state).transpose()?;
    Ok(match (kept, assertion_sent) {
        (Some(kept), Some(sent)) if kept.action.as_deref() == Some(&action.describe()) => {
            assertion(webauthn, &kept.ceremony, sent)
                .is_some_and(|result| result.cred_id().as_ref() == credential_id)
        }
        _ => false,
    })
}

/// The browser's assertion checked against the ceremony (user verification included).
fn assertion(
    webauthn: &Webauthn,
    ceremony: &PasskeyAuthentication,
    credential: &serde_json::Value,
) -> Option<webauthn_rs::prelude::AuthenticationResult> {
    let credential: PublicKeyCredential = serde_json::from_value(credential.clone()).ok()?;
    webauthn
        .finish_passkey_authentication(&credential, ceremony)
        .map_err(|e| tracing::info!(error = %e, "passkey assertion refused"))
        .ok()
}

async fn stored_passkey(
    state: &AppState,
    id: &IdNumber,
    device_id: &str,
) -> Result<Option<Passkey>, ApiError> {
    let key = state.store.find_key(id, device_id).await?;
    key.and_then(|k| k.passkey)
        .map(|json| read_state(&json))
        .transpose()
}

/// Keeps the ceremony's state under a new challenge, and gives the browser its options.
async fn begin<S: serde::Serialize, O: serde::Serialize>(
    state: &AppState,
    issued_for: ChallengeFor<'_>,
    ceremony: &S,
    options: &O,
    client: IpAddr,
) -> Result<PasskeyCeremony, ApiError> {
    let kept = write_state(ceremony)?;
    let challenge = quick_sign_in::issue(state, issued_for, Some(&kept), client).await?;
    Ok(PasskeyCeremony {
        challenge: challenge.challenge,
        expires_at: challenge.expires_at,
        options: serde_json::to_value(options)
            .map_err(|e| ApiError::Internal(format!("passkey options: {e}")))?,
    })
}

fn write_state<S: serde::Serialize>(value: &S) -> Result<String, ApiError> {
    serde_json::to_string(value).map_err(|e| ApiError::Internal(format!("passkey state: {e}")))
}

fn read_state<S: serde::de::DeserializeOwned>(json: &str) -> Result<S, ApiError> {
    serde_json::from_str(json).map_err(|e| ApiError::Internal(format!("passkey state: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ceremony_round_trips_through_the_store() {
        let webauthn = relying_party("https://127.0.0.1:8443").expect("localhost");
        let (_, reg) = webauthn
            .start_passkey_registration(Uuid::new_v4(), "A12****789", "王小明", None)
            .unwrap();
        let _: PasskeyRegistration = read_state(&write_state(&reg).unwrap()).unwrap();
    }
}
