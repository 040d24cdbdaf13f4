//! Sensitive actions confirmed with quick sign-in: where a person has it on, authorizing
//! someone to use their card and allowing a video visit each need a fresh signature over
//! exactly that action, made after the OS verified the user — so a stolen session token
//! alone cannot give the card away. Checked through the same attempt limiter as quick
//! sign-in, before anything is verified.

use std::net::IpAddr;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::passkeys;
use super::quick_sign_in::{refuse_counted, refused, reserve, spend_counted};
use crate::crypto::device_signature;
use crate::error::ApiError;
use crate::state::AppState;
use crate::store::{ChallengeFor, ChallengeKind, PersonRecord};
use nhi_core::api::{ActionApproval, ProblemCode};
use nhi_core::domain::quick_sign_in::{action_message, Purpose, SensitiveAction};

/// Passes when the person has no quick sign-in key, or `approval` confirms `action` with one.
pub async fn require(
    state: &AppState,
    person: &PersonRecord,
    approval: Option<&ActionApproval>,
    action: &SensitiveAction,
    client: IpAddr,
) -> Result<(), ApiError> {
    let id = &person.id_number;
    let keys = state.store.keys_of(id).await?;
    if keys.is_empty() {
        return Ok(());
    }
    let Some(approval) = approval else {
        return Err(ApiError::refuse(
            ProblemCode::ApprovalRequired,
            "Quick sign-in is on for this person: confirm this with it (a fingerprint or face).",
        ));
    };
    let attempt = reserve(state, id, client).await?;
    let Some(key) = keys.into_iter().find(|k| k.device_id == approval.device_id) else {
        let refusal = refused("No quick sign-in key of this person on that device.");
        return Err(refuse_counted(attempt, refusal).await);
    };
    let kind = match key.passkey {
        Some(_) => ChallengeKind::Passkey(Purpose::Action),
        None => ChallengeKind::Key(Purpose::Action),
    };
    let issued_for = ChallengeFor {
        kind,
        id,
        device_id: &approval.device_id,
    };
    let (attempt, ceremony) =
        spend_counted(state, attempt, &approval.challenge, issued_for).await?;
    let confirmed = match key.passkey {
        Some(_) => passkeys::confirms(
            state,
            ceremony.as_deref(),
            approval.passkey.as_ref(),
            action,
            &key.public_key,
        )?,
        None => {
            let message = action_message(
                &approval.challenge,
                id.as_str(),
                &approval.device_id,
                action,
            );
            let signature = approval
                .signature
                .as_deref()
                .and_then(|s| URL_SAFE_NO_PAD.decode(s).ok())
                .unwrap_or_default();
            device_signature::verifies(&key.public_key, &message, &signature)
        }
    };
    if !confirmed {
        tracing::info!("a sensitive action's confirmation did not verify");
        let refusal = refused("The confirmation did not verify for this action.");
        return Err(refuse_counted(attempt, refusal).await);
    }
    attempt.succeeded().await?;
    Ok(())
}
