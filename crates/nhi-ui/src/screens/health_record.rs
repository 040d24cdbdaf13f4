//! One My Health Bank record in detail (e.g. an outpatient visit: institution, department,
//! diagnosis, medications, NHI points).

use dioxus::prelude::*;

use crate::hooks::use_signed_in;
use crate::widgets::Loading;
use crate::widgets::SignInRequired;
use crate::{Route, UiState};
use nhi_client::app::display;

#[component]
pub fn HealthRecord(id: i64) -> Element {
    let state = use_context::<UiState>();
    let lang = state.lang();
    let session = state.session.read().clone();
    let record = use_signed_in(move |auth, s| async move { auth.health_record(&s, id).await });
    if session.is_none() {
        return rsx! { SignInRequired { title: lang.t("common-my-health-bank") } };
    }
    let body = match &*record.read() {
        None => {
            rsx! { Loading {} }
        }
        Some(Err(e)) => rsx! { p { class: "error", role: "alert", {e.user_message(lang)} } },
        Some(Ok(None)) => rsx! {},
        Some(Ok(Some(r))) => {
            let back = Route::HealthCategory {
                category: r.category.as_str().to_owned(),
            };
            rsx! {
                Link { class: "more-link", to: back, {format!("← {}", lang.t(r.category.message_id()))} }
                h1 { {r.title.clone()} }
                dl { class: "card facts",
                    dt { {lang.t("health-record-date")} }
                    dd { {display::date(r.date, lang)} }
                    for (field, value) in r.fields.iter().cloned() {
                        dt { {lang.t(field.message_id())} }
                        dd { {value} }
                    }
                }
            }
        }
    };
    rsx! { section { class: "health-record", {body} } }
}
