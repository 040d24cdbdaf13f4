//! 哪些院所可使用？ The public list of institutions that accept the virtual card, searchable
//! by name, area and department — per department, since acceptance may vary within one
//! institution (FAQ 5) — with the advice to check with the institution before going.

use dioxus::prelude::*;
use nhi_core::domain::search_text::MAX_SEARCH_CHARS;

use crate::UiState;
use nhi_client::app::Services;

#[component]
pub fn Institutions() -> Element {
    let lang = use_context::<UiState>().lang();
    let services = use_context::<Services>();
    let mut name = use_signal(String::new);
    let mut area = use_signal(String::new);
    let mut department = use_signal(String::new);
    let auth = services.flows.clone();
    let results = use_resource(move || {
        let auth = auth.clone();
        let (n, a, d) = (name(), area(), department());
        async move { auth.institutions(&n, &a, &d).await }
    });
    let list = match &*results.read() {
        None => {
            rsx! { p { class: "loading", role: "status", span { class: "spinner dark", aria_hidden: "true" } {lang.t("institutions-searching")} } }
        }
        Some(Err(e)) => rsx! { p { class: "error", role: "alert", {e.user_message(lang)} } },
        Some(Ok(found)) if found.is_empty() => {
            rsx! { p { class: "notice-inline", role: "status", {lang.t("institutions-no-institution-matches")} } }
        }
        Some(Ok(found)) => rsx! {
            p { class: "hint", role: "status", {nhi_core::tr!(lang, "institutions-found", count = found.len())} }
            ul { class: "institutions",
                for i in found.iter().cloned() {
                    li { key: "{i.code}", class: "card",
                        strong { {i.name.clone()} }
                        span { class: "hint", {i.address.clone()} }
                        span { class: "accepting",
                            {nhi_core::tr!(lang, "institutions-accepting", departments = i.accepting_departments.join("、"))}
                        }
                        if i.accepting_departments.len() < i.departments.len() {
                            span { class: "hint not-accepting",
                                {nhi_core::tr!(lang, "institutions-not-accepting", departments = i.departments.iter().filter(|d| !i.accepting_departments.contains(d)).cloned().collect::<Vec<_>>().join("、"))}
                            }
                        }
                    }
                }
            }
        },
    };
    rsx! {
        section { class: "institutions-screen",
            h1 { {lang.t("common-which-clinics-accept-virtual")} }
            p { class: "notice-inline", {lang.t("institutions-check-first")} }
            div { class: "card form",
                label { r#for: "inst-name", {lang.t("institutions-name")} }
                input { id: "inst-name", r#type: "search", value: "{name}", maxlength: "{MAX_SEARCH_CHARS}", oninput: move |e| name.set(e.value()) }
                label { r#for: "inst-area", {lang.t("institutions-area-e-g")} }
                input { id: "inst-area", r#type: "search", value: "{area}", maxlength: "{MAX_SEARCH_CHARS}", oninput: move |e| area.set(e.value()) }
                label { r#for: "inst-dept", {lang.t("institutions-department-e-g")} }
                input { id: "inst-dept", r#type: "search", value: "{department}", maxlength: "{MAX_SEARCH_CHARS}", oninput: move |e| department.set(e.value()) }
            }
            {list}
        }
    }
}
