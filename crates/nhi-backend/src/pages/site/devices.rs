//! "Mobile device management": every device ever bound to this ID, which one is active,
//! switching the active one, and each device's quick sign-in key with its removal.

use askama::Template;
use axum::extract::State;
use axum::response::{Redirect, Response};
use axum::Form;
use serde::Deserialize;

use super::site_session::SiteSession;
use crate::error::ApiError;
use crate::pages::door::SignedIn;
use crate::pages::render;
use crate::pages::time_text::taiwan_time;
use crate::pages::PageLang;
use crate::services::account_mail::{self, Notice};
use crate::state::AppState;
use nhi_core::tr;

struct DeviceRow {
    device_id: String,
    label: String,
    bound_at: String,
    via: String,
    active: bool,
    /// Its quick sign-in key, said in words, when one is enrolled.
    quick_sign_in: Option<String>,
}

#[derive(Template)]
#[template(path = "site/devices.html")]
struct DevicesPage {
    page: PageLang,
    signed_in: bool,
    intro: String,
    devices: Vec<DeviceRow>,
    /// What was just done (a key removed), said once.
    done: Option<String>,
}

pub async fn list(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(session): SignedIn<SiteSession>,
) -> Result<Response, ApiError> {
    let person = session.session.person;
    devices_page(page, &state, &person, None).await
}

async fn devices_page(
    page: PageLang,
    state: &AppState,
    person: &crate::store::PersonRecord,
    done: Option<String>,
) -> Result<Response, ApiError> {
    let keys = state.store.keys_of(&person.id_number).await?;
    let key_text = |device_id: &str| {
        keys.iter().find(|k| k.device_id == device_id).map(|k| {
            let used = match k.last_used_at {
                Some(at) => tr!(
                    page.lang,
                    "site-quick-sign-in-used",
                    time = taiwan_time(at, page.lang)
                ),
                None => page.t("site-quick-sign-in-never-used"),
            };
            tr!(
                page.lang,
                "site-quick-sign-in-on",
                enrolled = taiwan_time(k.enrolled_at, page.lang),
                used = used
            )
        })
    };
    let devices = state
        .store
        .bindings_of(&person.id_number)
        .await?
        .into_iter()
        .map(|b| DeviceRow {
            // Two phones of the same kind look alike; a short tag of the ID tells them apart.
            label: format!("{} · {}", b.label, &b.device_id[..4.min(b.device_id.len())]),
            bound_at: taiwan_time(b.bound_at, page.lang),
            via: page.t(if b.bound_via == "phone" {
                "site-via-phone"
            } else {
                "site-via-code"
            }),
            active: b.active,
            quick_sign_in: key_text(&b.device_id),
            device_id: b.device_id,
        })
        .collect();
    Ok(render(&DevicesPage {
        intro: tr!(page.lang, "site-devices-intro", name = person.name.as_str()),
        page,
        signed_in: true,
        devices,
        done,
    }))
}

#[derive(Deserialize)]
pub struct RemoveKeyForm {
    device_id: String,
}

/// Removes the quick sign-in key of one of the person's devices: refused at once from then.
pub async fn remove_quick_sign_in(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(session): SignedIn<SiteSession>,
    Form(form): Form<RemoveKeyForm>,
) -> Result<Response, ApiError> {
    let person = session.session.person;
    let keys = state.store.keys_of(&person.id_number).await?;
    let key = keys
        .iter()
        .find(|k| k.device_id == form.device_id)
        .ok_or(ApiError::NotFound)?;
    if !state
        .store
        .delete_key(&person.id_number, &form.device_id)
        .await?
    {
        return Err(ApiError::NotFound);
    }
    let done = tr!(
        page.lang,
        "site-quick-sign-in-removed",
        device = key.label.as_str()
    );
    devices_page(page, &state, &person, Some(done)).await
}

#[derive(Deserialize)]
pub struct ActivateForm {
    device_id: String,
}

pub async fn activate(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(session): SignedIn<SiteSession>,
    Form(form): Form<ActivateForm>,
) -> Result<Redirect, ApiError> {
    let id = &session.session.person.id_number;
    if !state.store.activate_device(&form.device_id, id).await? {
        return Err(ApiError::NotFound);
    }
    let bindings = state.store.bindings_of(id).await?;
    if let Some(binding) = bindings.iter().find(|b| b.device_id == form.device_id) {
        let switched = Notice::DeviceSwitched {
            label: &binding.label,
        };
        account_mail::send(&state, id, page.lang, switched).await?;
    }
    Ok(Redirect::to("/register/devices"))
}
