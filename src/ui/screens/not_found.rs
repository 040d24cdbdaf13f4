use dioxus::prelude::*;

use crate::ui::{Route, UiState};

#[component]
pub fn NotFound(segments: Vec<String>) -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        section { class: "service",
            h1 { {lang.pick("找不到此頁面", "Page not found")} }
            p { {format!("/{}", segments.join("/"))} }
            Link { class: "button primary", to: Route::Home {}, {lang.pick("回首頁", "Back to Home")} }
        }
    }
}
