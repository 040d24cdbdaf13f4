//! Shown by services that need a signed-in person.

use dioxus::prelude::*;

use crate::ui::{Route, UiState};

#[component]
pub fn SignInRequired(title: String) -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        section { class: "service",
            h1 { {title} }
            p { {lang.pick("請先登入才能使用此服務。", "Please sign in to use this service.")} }
            Link { class: "button primary", to: Route::Login {}, {lang.pick("登入", "Sign in")} }
        }
    }
}
