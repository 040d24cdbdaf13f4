//! 哪些院所可使用？ The public list of institutions that accept the virtual card, searchable
//! by name, area and department.

use dioxus::prelude::*;

use crate::app::Services;
use crate::ui::UiState;

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
            rsx! { p { class: "loading", role: "status", span { class: "spinner dark", aria_hidden: "true" } {lang.pick("搜尋中…", "Searching…")} } }
        }
        Some(Err(e)) => rsx! { p { class: "error", role: "alert", {e.user_message(lang)} } },
        Some(Ok(found)) if found.is_empty() => {
            rsx! { p { class: "notice-inline", role: "status", {lang.pick("找不到符合的院所。", "No institution matches.")} } }
        }
        Some(Ok(found)) => rsx! {
            p { class: "hint", role: "status", {format!("{} {}", found.len(), lang.pick("家院所", "institutions"))} }
            ul { class: "institutions",
                for i in found.iter().cloned() {
                    li { key: "{i.code}", class: "card",
                        strong { {i.name.clone()} }
                        span { class: "hint", {i.address.clone()} }
                        span { {i.departments.join("、")} }
                    }
                }
            }
        },
    };
    rsx! {
        section { class: "institutions-screen",
            h1 { {lang.pick("哪些院所可使用虛擬健保卡？", "Which clinics accept the virtual card?")} }
            div { class: "card form",
                label { r#for: "inst-name", {lang.pick("院所名稱", "Name")} }
                input { id: "inst-name", r#type: "search", value: "{name}", oninput: move |e| name.set(e.value()) }
                label { r#for: "inst-area", {lang.pick("地區（如：臺北市）", "Area (e.g. 臺北市)")} }
                input { id: "inst-area", r#type: "search", value: "{area}", oninput: move |e| area.set(e.value()) }
                label { r#for: "inst-dept", {lang.pick("科別（如：小兒科）", "Department (e.g. 小兒科)")} }
                input { id: "inst-dept", r#type: "search", value: "{department}", oninput: move |e| department.set(e.value()) }
            }
            {list}
        }
    }
}
