//! "Mobile device management": every device ever bound to this ID, which one is active,
//! and switching the active one.

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
}

#[derive(Template)]
#[template(path = "site/devices.html")]
struct DevicesPage {
    page: PageLang,
    signed_in: bool,
    intro: String,
    devices: Vec<DeviceRow>,
}

pub async fn list(
    page: PageLang,
    State(state): State<AppState>,
    SignedIn(session): SignedIn<SiteSession>,
) -> Result<Response, ApiError> {
    let person = session.session.person;
    let devices = state
        .store
        .bindings_of(&person.id_number)
        .await?
        .into_iter()
        .map(|b| DeviceRow {
            // Two phones of the same kind look alike; a short tag of the ID tells them apart.
            label: format!("{} · {}", b.label, &b.device_id[..4.min(b.device_id.len())]),
            device_id: b.device_id,
            bound_at: taiwan_time(b.bound_at, page.lang),
            via: page.t(if b.bound_via == "phone" {
                "site-via-phone"
            } else {
                "site-via-code"
            }),
            active: b.active,
        })
        .collect();
    Ok(render(&DevicesPage {
        intro: tr!(page.lang, "site-devices-intro", name = person.name.as_str()),
        page,
        signed_in: true,
        devices,
    }))
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
