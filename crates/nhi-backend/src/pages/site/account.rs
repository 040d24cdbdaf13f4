//! 帳號資料異動 — a signed-in person's contact data: the e-mail address (a new one takes
//! effect only once it confirms a link; the old one is told at once), the mobile number (the
//! phone path's telecom check: a monthly contract in the person's own name) and the local
//! phone. Every change is kept and listed.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use chrono::Duration;
use serde::Deserialize;

use super::pages::MessagePage;
use super::site_session::SiteSession;
use crate::crypto::session_token;
use crate::error::ApiError;
use crate::pages::door::SignedIn;
use crate::pages::time_text::taiwan_time;
use crate::pages::{render, PageLang};
use crate::services::attempt_guard;
use crate::state::AppState;
use crate::store::{Contact, ContactField, Contract};
use nhi_core::domain::attempt_limit::{EMAIL_CHANGES_PER_ID, PHONE_CHECK_PER_ID};
use nhi_core::domain::{IdNumber, MobileNumber};
use nhi_core::i18n::Msg;
use nhi_core::tr;

/// A link that confirms a new e-mail address works this long.
pub const EMAIL_LINK_LASTS: Duration = Duration::hours(24);

struct HistoryRow {
    field: String,
    change: String,
    requested_at: String,
    state: String,
}

#[derive(Template)]
#[template(path = "site/account.html")]
struct AccountPage {
    page: PageLang,
    signed_in: bool,
    contact: Option<Contact>,
    notice: Option<String>,
    error: Option<String>,
    history: Vec<HistoryRow>,
}

#[derive(Deserialize, Default)]
pub struct Said {
    #[serde(default)]
    said: String,
}

/// The page; `said` names what the last change did (after its redirect).
pub async fn page(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(session): SignedIn<SiteSession>,
    Query(said): Query<Said>,
) -> Result<Response, ApiError> {
    let notice = match said.said.as_str() {
        "email" => Some(page.t("site-account-email-link-sent")),
        "mobile" => Some(page.t("site-account-mobile-changed")),
        "local_phone" => Some(page.t("site-account-local-phone-changed")),
        _ => None,
    };
    show(
        &state,
        page,
        &session.session.person.id_number,
        notice,
        None,
    )
    .await
}

async fn show(
    state: &AppState,
    page: PageLang,
    id: &IdNumber,
    notice: Option<String>,
    error: Option<Msg>,
) -> Result<Response, ApiError> {
    let contact = state.store.contact_of(id).await?;
    let history = state
        .store
        .contact_history(id)
        .await?
        .into_iter()
        .map(|c| HistoryRow {
            field: page.t(match c.field.as_str() {
                "email" => "site-email",
                "mobile" => "site-mobile",
                _ => "site-local-phone",
            }),
            change: format!("{} → {}", or_dash(&c.old_value), or_dash(&c.new_value)),
            requested_at: taiwan_time(c.requested_at, page.lang),
            state: match c.effective_at {
                Some(at) => {
                    let time = taiwan_time(at, page.lang);
                    tr!(page.lang, "site-account-effective", time = time.as_str())
                }
                None => page.t("site-account-not-confirmed"),
            },
        })
        .collect();
    let error = error.map(|e| e.text(page.lang));
    Ok(render(&AccountPage {
        page,
        signed_in: true,
        contact,
        notice,
        error,
        history,
    }))
}

fn or_dash(value: &str) -> &str {
    if value.is_empty() {
        "—"
    } else {
        value
    }
}

#[derive(Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    email: String,
}

pub async fn change_email(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(session): SignedIn<SiteSession>,
    Form(form): Form<EmailForm>,
) -> Result<Response, ApiError> {
    let person = &session.session.person;
    let id = &person.id_number;
    let email = form.email.trim();
    if !super::apply::email_ok(email) {
        let error = Msg::new("site-email-format");
        return show(&state, page, id, None, Some(error)).await;
    }
    let Some(contact) = state.store.contact_of(id).await? else {
        let error = Msg::new("site-account-no-contact");
        return show(&state, page, id, None, Some(error)).await;
    };
    // Each link counts against the hour before it is sent (never given back).
    let quota = [(format!("email-change:{id}"), EMAIL_CHANGES_PER_ID)];
    if let Err(lockout) = attempt_guard::count_against(&state, &quota).await? {
        let error = Msg::new("site-resend-too-many").with("minutes", lockout.minutes());
        return show(&state, page, id, None, Some(error)).await;
    }
    let now = state.clock.now();
    let token = session_token::generate();
    state
        .store
        .request_email_change(
            id,
            email,
            &session_token::digest(&token),
            now,
            now + EMAIL_LINK_LASTS,
        )
        .await?;
    let link = format!(
        "{}/register/account/confirm-email?token={token}",
        state.public_url
    );
    let name = person.name.as_str();
    let body = tr!(
        page.lang,
        "site-account-confirm-mail-body",
        name = name,
        link = link.as_str()
    );
    let subject = page.t("site-account-confirm-mail-subject");
    state
        .store
        .send_mail(email, &subject, &(body + "\n"), now)
        .await?;
    // The address in use hears of it at once: a stranger's change can be stopped.
    let time = taiwan_time(now, page.lang);
    let body = tr!(
        page.lang,
        "site-account-change-asked-mail-body",
        name = name,
        email = email,
        time = time.as_str()
    );
    let subject = page.t("site-account-change-asked-mail-subject");
    state
        .store
        .send_mail(&contact.email, &subject, &(body + "\n"), now)
        .await?;
    Ok(Redirect::to("/register/account?said=email").into_response())
}

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// The new address's link: the change takes effect, once.
pub async fn confirm_email(
    page: PageLang,
    State(state): State<AppState>,
    Query(query): Query<TokenQuery>,
) -> Result<Response, ApiError> {
    let changed = state
        .store
        .confirm_email_change(&session_token::digest(&query.token), state.clock.now())
        .await?;
    Ok(render(&match changed {
        Some(changed) => MessagePage::info(
            &page,
            "site-account-email-changed",
            tr!(
                page.lang,
                "site-account-email-changed-detail",
                email = changed.new_email.as_str()
            ),
            ("/register/account", "site-account"),
        ),
        None => MessagePage::error(
            &page,
            "site-invalid-link",
            page.t("site-account-email-link-dead"),
            ("/register/account", "site-account"),
        ),
    }))
}

#[derive(Deserialize)]
pub struct MobileForm {
    #[serde(default)]
    mobile: String,
}

/// A new mobile number passes the phone path's telecom check: a monthly contract in the
/// person's own name (each check through the same attempt limit).
pub async fn change_mobile(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(session): SignedIn<SiteSession>,
    Form(form): Form<MobileForm>,
) -> Result<Response, ApiError> {
    let id = session.session.person.id_number.clone();
    let Ok(mobile) = MobileNumber::parse(&form.mobile) else {
        let error = Msg::new("site-mobile-format");
        return show(&state, page, &id, None, Some(error)).await;
    };
    let subjects = [(format!("phone-id:{id}"), PHONE_CHECK_PER_ID)];
    let attempt = match attempt_guard::try_reserve(&state, &subjects).await? {
        Ok(attempt) => attempt,
        Err(lockout) => {
            let minutes = lockout.minutes();
            let error = Msg::new("site-too-many-checks").with("minutes", minutes);
            return show(&state, page, &id, None, Some(error)).await;
        }
    };
    let refusal = match state.store.find_subscription(&mobile).await? {
        None => Some("site-account-mobile-not-found"),
        Some(sub) if sub.owner_id != id => Some("site-account-mobile-not-yours"),
        Some(sub) if sub.contract == Contract::Prepaid => Some("site-account-mobile-prepaid"),
        Some(_) => None,
    };
    if let Some(refusal) = refusal {
        attempt.failed().await?;
        return show(&state, page, &id, None, Some(Msg::new(refusal))).await;
    }
    attempt.succeeded().await?;
    let now = state.clock.now();
    if !state
        .store
        .change_contact(&id, ContactField::Mobile, mobile.as_str(), now)
        .await?
    {
        let error = Msg::new("site-account-no-contact");
        return show(&state, page, &id, None, Some(error)).await;
    }
    Ok(Redirect::to("/register/account?said=mobile").into_response())
}

#[derive(Deserialize)]
pub struct LocalPhoneForm {
    #[serde(default)]
    local_phone: String,
}

pub async fn change_local_phone(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(session): SignedIn<SiteSession>,
    Form(form): Form<LocalPhoneForm>,
) -> Result<Response, ApiError> {
    let id = session.session.person.id_number.clone();
    let local_phone = form.local_phone.trim();
    if !super::apply::local_phone_ok(local_phone) {
        let error = Msg::new("site-local-phone-format");
        return show(&state, page, &id, None, Some(error)).await;
    }
    let now = state.clock.now();
    if !state
        .store
        .change_contact(&id, ContactField::LocalPhone, local_phone, now)
        .await?
    {
        let error = Msg::new("site-account-no-contact");
        return show(&state, page, &id, None, Some(error)).await;
    }
    Ok(Redirect::to("/register/account?said=local_phone").into_response())
}
