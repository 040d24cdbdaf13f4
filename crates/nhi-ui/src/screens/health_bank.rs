//! 健康存摺: "Request today's data" → processing → "Refresh" → each category with "Browse" or
//! "No data", under the manual's three classes (保險計費類, 保險繳納類, 醫療類); the date of the
//! last request is shown, "not requested yet" before the first, and 說明 explains it all.

use dioxus::prelude::*;

use crate::hooks::{use_busy_action, use_signed_in};
use crate::widgets::Loading;
use crate::widgets::SignInRequired;
use crate::{Route, UiState};
use nhi_client::app::{display, Services};
use nhi_client::client::ClientError;
use nhi_core::domain::health_bank::CategoryClass;

/// The buttons' names for tests and assistive tools (`data-action`).
const REQUEST_DATA: &str = "request-health-data";
const REFRESH: &str = "refresh-health-data";

#[component]
pub fn HealthBank() -> Element {
    let state = use_context::<UiState>();
    let services = use_context::<Services>();
    let lang = state.lang();
    let session = state.session.read().clone();
    let mut overview = use_signed_in(|auth, s| async move { auth.health_overview(&s).await });
    let action = use_busy_action::<ClientError>();
    let (busy, error) = (action.busy, action.error);
    let Some(session) = session else {
        return rsx! { SignInRequired { title: lang.t("common-my-health-bank") } };
    };
    let auth = services.flows.clone();
    let request = move |_| {
        let auth = auth.clone();
        let session = session.clone();
        action.run(async move {
            let requested = auth.request_health_data(&session).await;
            overview.restart();
            requested.map(drop)
        });
    };

    let body = match &*overview.read() {
        None => {
            rsx! { Loading {} }
        }
        Some(Err(e)) => rsx! { p { class: "error", role: "alert", {e.user_message(lang)} } },
        Some(Ok(None)) => rsx! {},
        Some(Ok(Some(view))) => {
            let last = view.last_request.clone();
            let last_line = last.as_ref().map(|r| {
                nhi_core::tr!(
                    lang,
                    "health-bank-last-request-at",
                    date = display::local_date(r.requested_at, lang),
                    time = display::local_time(r.requested_at)
                )
            });
            let processing = last.as_ref().is_some_and(|r| !r.ready);
            rsx! {
                div { class: "card",
                    if let Some(line) = last_line { p { class: "hint", {line} } }
                    button { class: "button primary", r#type: "button", "data-action": REQUEST_DATA, disabled: busy(), onclick: request,
                        {lang.t("health-bank-request-todays-data")}
                    }
                    if let Some(e) = error() { p { class: "error", role: "alert", {e.user_message(lang)} } }
                }
                if processing {
                    div { class: "notice-inline", role: "status",
                        p { {lang.t("health-bank-processing-press-refresh-about")} }
                        button { class: "button secondary", r#type: "button", "data-action": REFRESH, onclick: move |_| overview.restart(), {lang.t("common-refresh")} }
                    }
                }
                if last.is_none() {
                    p { class: "card hint not-requested", {lang.t("health-bank-not-requested")} }
                }
                for class in CategoryClass::ALL {
                    if view.categories.iter().any(|c| c.category.class() == class) {
                    h2 { class: "category-class", {lang.t(class.message_id())} }
                    ul { class: "categories",
                        for c in view.categories.iter().filter(|c| c.category.class() == class).cloned() {
                            li { key: "{c.category.as_str()}", class: "category",
                                span { {lang.t(c.category.message_id())} }
                                if c.count > 0 {
                                    Link { class: "button secondary small", to: Route::HealthCategory { category: c.category.as_str().to_owned() },
                                        aria_label: format!("{} {}", lang.t("health-bank-browse"), lang.t(c.category.message_id())),
                                        {format!("{} ({})", lang.t("health-bank-browse"), c.count)}
                                    }
                                } else {
                                    span { class: "no-data", {lang.t("health-bank-no-data")} }
                                }
                            }
                        }
                    }
                    }
                }
            }
        }
    };
    rsx! {
        section { class: "health-bank",
            h1 { {lang.t("common-my-health-bank")} }
            {body}
            details { class: "card help",
                summary { {lang.t("health-bank-help")} }
                for id in ["health-bank-help-request", "health-bank-help-results", "health-bank-help-classes", "health-bank-help-once-a-day"] {
                    p { key: "{id}", {lang.t(id)} }
                }
            }
        }
    }
}
