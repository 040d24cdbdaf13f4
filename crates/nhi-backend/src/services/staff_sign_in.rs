//! NHIA staff sign in with their staff account — at the reviewer console's login page, and in
//! the app as counter staff (臨櫃人員) for 專案申請. One check for both: the attempt limiter
//! before the password is hashed, then the password.

use std::net::IpAddr;

use crate::crypto::password_hash;
use crate::error::ApiError;
use crate::services::attempt_guard::{self, AfterFailure, Lockout};
use crate::state::AppState;
use nhi_core::domain::attempt_limit::{REVIEWER_PER_CLIENT, REVIEWER_PER_USER};
use nhi_core::domain::Secret;

/// Why a staff sign-in was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Wrong username or password, with the tries left.
    Wrong { left: u32 },
    /// Too many wrong tries: locked for a while.
    Locked(Lockout),
}

/// The staff member, when the username and password are right: (username as kept, name).
pub async fn check(
    state: &AppState,
    username: &str,
    password: Secret,
    client: IpAddr,
) -> Result<Result<(String, String), Refused>, ApiError> {
    let username: String = username.trim().chars().take(64).collect();
    let subjects = [
        (format!("reviewer:{username}"), REVIEWER_PER_USER),
        (format!("reviewer-client:{client}"), REVIEWER_PER_CLIENT),
    ];
    let attempt = match attempt_guard::try_reserve(state, &subjects).await? {
        Ok(attempt) => attempt,
        Err(lockout) => return Ok(Err(Refused::Locked(lockout))),
    };
    let found = state.store.find_reviewer(&username).await?;
    let hash = found.as_ref().map(|(_, h)| h.clone());
    if !password_hash::verify(password, hash).await? {
        return Ok(Err(match attempt.failed().await? {
            AfterFailure::Locked(lockout) => Refused::Locked(lockout),
            AfterFailure::TriesLeft(left) => Refused::Wrong { left },
        }));
    }
    attempt.succeeded().await?;
    let name = found.map(|(name, _)| name).unwrap_or_default();
    Ok(Ok((username, name)))
}
