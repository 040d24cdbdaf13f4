//! 重寄確認信 — sending the confirmation mail again, for an application still waiting for its
//! e-mail within its 5 days: the person gives the ID and the e-mail address they applied
//! with; the new link replaces the old one. At most three an hour per ID. The answer is the
//! same whether or not such an application exists, so the page tells nobody who applied.

use askama::Template;
use axum::extract::{ConnectInfo, State};
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use std::net::SocketAddr;

use super::apply::send_confirmation;
use super::pages::MessagePage;
use crate::crypto::session_token;
use crate::error::ApiError;
use crate::pages::{render, PageLang};
use crate::services::attempt_guard;
use crate::state::AppState;
use nhi_core::domain::attempt_limit::{
    RESENT_CONFIRMATIONS_PER_CLIENT, RESENT_CONFIRMATIONS_PER_ID,
};
use nhi_core::domain::IdNumber;
use nhi_core::i18n::Msg;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ResendForm {
    #[serde(default)]
    pub id_number: String,
    #[serde(default)]
    pub email: String,
}

#[derive(Template)]
#[template(path = "site/resend.html")]
struct ResendPage {
    page: PageLang,
    signed_in: bool,
    form: ResendForm,
    error: Option<String>,
}

pub async fn form(page: PageLang) -> Response {
    render(&ResendPage {
        page,
        signed_in: false,
        form: ResendForm::default(),
        error: None,
    })
}

pub async fn submit(
    page: PageLang,
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Form(form): Form<ResendForm>,
) -> Result<Response, ApiError> {
    let again = |page: PageLang, form: ResendForm, error: Msg| {
        let error = Some(error.text(page.lang));
        render(&ResendPage {
            page,
            signed_in: false,
            form,
            error,
        })
    };
    let Ok(id) = IdNumber::parse(&form.id_number) else {
        return Ok(again(page, form, Msg::new("site-id-invalid")));
    };
    // Counted before anything is looked up: IDs with and without an application run out
    // alike, and each mail counts against the hour.
    let quota = [
        (format!("resend:{id}"), RESENT_CONFIRMATIONS_PER_ID),
        (
            format!("resend-client:{}", peer.ip()),
            RESENT_CONFIRMATIONS_PER_CLIENT,
        ),
    ];
    if let Err(lockout) = attempt_guard::count_against(&state, &quota).await? {
        let error = Msg::new("site-resend-too-many").with("minutes", lockout.minutes());
        return Ok(again(page, form, error));
    }
    let token = session_token::generate();
    let renewed = state
        .store
        .renew_confirmation(
            &id,
            &form.email,
            &session_token::digest(&token),
            state.clock.now(),
        )
        .await?;
    if renewed {
        if let Some(person) = state.store.find_person(&id).await? {
            send_confirmation(&state, page.lang, &person.name, form.email.trim(), &token).await?;
        }
    }
    Ok(render(&MessagePage::info(
        &page,
        "site-resend-sent-title",
        page.t("site-resend-sent"),
        ("/register", "site-home"),
    )))
}
