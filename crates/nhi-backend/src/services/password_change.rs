//! A person's registration password changed — by themselves, signed in, on the website
//! (註冊密碼變更) or in the app (我的); or set anew after a forgotten one. Either way a notice
//! mail goes to the account's confirmed address, saying when and what to do if it was not
//! them.

use std::net::IpAddr;

use crate::auth::password_login;
use crate::crypto::password_hash;
use crate::error::ApiError;
use crate::pages::site::taiwan_time;
use crate::state::AppState;
use nhi_core::api::ProblemCode;
use nhi_core::domain::{password, IdNumber, Secret};
use nhi_core::i18n::Lang;
use nhi_core::tr;

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
    notify(state, id, lang).await
}

/// The notice that the password was changed, to the account's confirmed address (an account
/// made by phone alone has none: its person is signed out everywhere, which they notice).
pub async fn notify(state: &AppState, id: &IdNumber, lang: Lang) -> Result<(), ApiError> {
    let (Some(person), Some(email)) = (
        state.store.find_person(id).await?,
        state.store.confirmed_email(id).await?,
    ) else {
        return Ok(());
    };
    let now = state.clock.now();
    let (time, link) = (
        taiwan_time(now),
        format!("{}/register/forgot", state.public_url),
    );
    let body = tr!(
        lang,
        "site-password-changed-mail-body",
        name = person.name.as_str(),
        time = time.as_str(),
        link = link.as_str()
    );
    state
        .store
        .send_mail(
            &email,
            &lang.t("site-password-changed-mail-subject"),
            &(body + "\n"),
            now,
        )
        .await?;
    Ok(())
}
