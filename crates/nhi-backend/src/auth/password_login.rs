//! Checking an ID's registration password — the one place the app's login and the
//! website's login both go through, so both get the same attempt limit and slow-down.
//!
//! Answers never tell an unregistered ID from a wrong password: both take an argon2 check
//! (against a decoy hash), both count against the ID's limit, both say "wrong ID or password".

use std::net::IpAddr;

use crate::crypto::password_hash;
use crate::error::ApiError;
use crate::services::attempt_guard::{self, AfterFailure};
use crate::state::AppState;
use crate::store::AccountRecord;
use nhi_core::domain::attempt_limit::{PASSWORD_PER_CLIENT, PASSWORD_PER_ID};
use nhi_core::domain::{login_throttle, IdNumber, Secret};

/// The attempt-limit subject of an ID's password.
pub fn subject(id: &IdNumber) -> String {
    format!("password-id:{id}")
}

/// The account when the password is right. Otherwise `WrongCredentials` with the tries left,
/// or `AccountLocked` (also for a right password while locked).
pub async fn check(
    state: &AppState,
    id: &IdNumber,
    password: Secret,
    client: IpAddr,
) -> Result<AccountRecord, ApiError> {
    let subjects = [
        (subject(id), PASSWORD_PER_ID),
        (format!("password-client:{client}"), PASSWORD_PER_CLIENT),
    ];
    let attempt = match attempt_guard::try_reserve(state, &subjects).await? {
        Ok(attempt) => attempt,
        Err(lockout) => return Err(ApiError::locked_for(lockout.seconds)),
    };
    let account = state.store.find_account(id).await?;
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    let right = password_hash::verify(password, stored).await?;
    match account {
        Some(account) if right => {
            attempt.succeeded().await?;
            // The password is the way back when quick sign-in locked itself.
            state
                .store
                .clear_attempts(&super::quick_sign_in::subject(id))
                .await?;
            Ok(account)
        }
        _ => {
            let ordinal = attempt.ordinal();
            tracing::info!(failures = ordinal, "wrong password");
            match attempt.failed().await? {
                AfterFailure::Locked(lockout) => Err(ApiError::locked_for(lockout.seconds)),
                AfterFailure::TriesLeft(left) => {
                    tokio::time::sleep(login_throttle::delay_after(ordinal)).await;
                    Err(ApiError::WrongCredentials {
                        attempts_left: Some(left),
                    })
                }
            }
        }
    }
}
