use dioxus::prelude::*;

use crate::{Route, UiState};

#[component]
pub fn NotFound(segments: Vec<String>) -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        section { class: "service",
            h1 { {lang.t("common-page-not-found")} }
            p { {format!("/{}", segments.join("/"))} }
            Link { class: "button primary", to: Route::Home {}, {lang.t("not-found-back-home")} }
        }
    }
}
