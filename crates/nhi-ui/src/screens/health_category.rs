//! One category of My Health Bank: records newest first, loaded a page at a time.

use dioxus::prelude::*;

use crate::hooks::use_busy_action;
use crate::widgets::Loading;
use crate::widgets::SignInRequired;
use crate::{Route, UiState};
use nhi_client::app::{display, Services};
use nhi_client::client::ClientError;
use nhi_core::api::RecordSummary;
use nhi_core::domain::health_bank::Category;

#[component]
pub fn HealthCategory(category: String) -> Element {
    let state = use_context::<UiState>();
    let services = use_context::<Services>();
    let lang = state.lang();
    let session = state.session.read().clone();
    let mut records = use_signal(Vec::<RecordSummary>::new);
    let mut next = use_signal(|| Some(0u32));
    let action = use_busy_action::<ClientError>();
    let (loading, error) = (action.busy, action.error);
    let parsed = Category::parse(&category);
    let auth = services.flows.clone();
    let load_session = session.clone();
    let load_more = use_callback(move |_: ()| {
        let (Some(page), Some(session), Some(category)) = (next(), load_session.clone(), parsed)
        else {
            return;
        };
        let auth = auth.clone();
        action.run(async move {
            let found = auth.health_records(&session, category, page).await?;
            records.write().extend(found.records);
            next.set(found.next_page);
            Ok(())
        });
    });
    use_hook(move || load_more.call(()));
    let Some(_) = session else {
        return rsx! { SignInRequired { title: lang.t("common-my-health-bank") } };
    };
    let Some(category) = parsed else {
        return rsx! { p { class: "error", role: "alert", {lang.t("health-category-no-such-category")} } };
    };
    rsx! {
        section { class: "health-category",
            Link { class: "more-link", to: Route::HealthBank {}, {lang.t("health-category-my-health-bank")} }
            h1 { {lang.t(category.message_id())} }
            ul { class: "records",
                for r in records.read().iter().cloned() {
                    li { key: "{r.id}",
                        Link { class: "record", to: Route::HealthRecord { id: r.id },
                            time { datetime: "{r.date}", {display::date(r.date, lang)} }
                            strong { {r.title.clone()} }
                            span { class: "hint", {r.summary.clone()} }
                        }
                    }
                }
            }
            if let Some(e) = error() { p { class: "error", role: "alert", {e.user_message(lang)} } }
            if loading() {
                Loading {}
            } else if next().is_some() {
                button { class: "button secondary", r#type: "button", onclick: move |_| load_more.call(()), {lang.t("health-category-load-more")} }
            }
        }
    }
}
