//! Registration passwords are kept as argon2id hashes (PHC strings), computed as heavy jobs
//! (`backend::heavy`): each deliberately costs tens of milliseconds and 19 MiB.

use std::sync::OnceLock;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

use crate::heavy::Work;
use nhi_core::domain::Secret;

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("password hashing failed: {0}")]
    Hash(argon2::password_hash::Error),
    #[error("password hashing task failed: {0}")]
    Task(#[from] crate::heavy::HeavyJobError),
}

pub async fn hash(password: Secret) -> Result<String, HashError> {
    crate::heavy::run(Work::Password, move || hash_blocking(password.expose())).await?
}

pub fn hash_blocking(password: &str) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(HashError::Hash)
}

/// Checks a password against a stored hash. With no hash (unknown ID) it checks against
/// a throwaway one, so an unknown ID takes as long to refuse as a wrong password.
pub async fn verify(password: Secret, stored: Option<String>) -> Result<bool, HashError> {
    crate::heavy::run(Work::Password, move || {
        let known = stored.is_some();
        let phc = match stored {
            Some(phc) => phc,
            None => decoy_hash()?.to_owned(),
        };
        let parsed = PasswordHash::new(&phc).map_err(HashError::Hash)?;
        let matches = Argon2::default()
            .verify_password(password.expose().as_bytes(), &parsed)
            .is_ok();
        Ok(known && matches)
    })
    .await?
}

fn decoy_hash() -> Result<&'static str, HashError> {
    static DECOY: OnceLock<String> = OnceLock::new();
    if let Some(h) = DECOY.get() {
        return Ok(h);
    }
    let h = hash_blocking("decoy password for unknown IDs")?;
    Ok(DECOY.get_or_init(|| h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn right_and_wrong_passwords() {
        let stored = hash("Wang@2026".into()).await.unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("Wang@2026".into(), Some(stored.clone()))
            .await
            .unwrap());
        assert!(!verify("wang@2026".into(), Some(stored)).await.unwrap());
        assert!(!verify("Wang@2026".into(), None).await.unwrap());
    }
}
