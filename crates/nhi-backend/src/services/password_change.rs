//! A signed-in person changes the registration password — on the website (註冊密碼變更) or
//! in the app (我的); a notice mail follows (`account_mail`).

use std::net::IpAddr;

use crate::auth::password_login;
use crate::crypto::password_hash;
use crate::error::ApiError;
use crate::services::account_mail::{self, Notice};
use crate::state::AppState;
use nhi_core::api::ProblemCode;
use nhi_core::domain::{password, IdNumber, Secret};
use nhi_core::i18n::Lang;

/// Changes a signed-in person's password: the new one must follow the rule (said before
/// anything else is done), the current one is checked through the login's one attempt limit,
/// then every other session of the ID ends — the one with `session_token_hash` stays.
pub async fn change(
    state: &AppState,
    id: &IdNumber,
    session_token_hash: &[u8; 32],
    current: Secret,
    new: Secret,
    client: IpAddr,
    lang: Lang,
) -> Result<(), ApiError> {
    if password::validate(new.expose()).is_err() {
        return Err(ApiError::refuse(
            ProblemCode::InvalidPassword,
            "The new password does not follow the rule.",
        ));
    }
    password_login::check(state, id, current, client).await?;
    let hash = password_hash::hash(new).await?;
    state
        .store
        .change_password(id, &hash, session_token_hash)
        .await?;
    account_mail::send(state, id, lang, Notice::PasswordChanged).await
}
