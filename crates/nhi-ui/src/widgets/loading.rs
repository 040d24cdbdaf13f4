//! The two in-between states every loaded screen has: "Loading…" with a spinner (announced to
//! screen readers), and a failed load with the reason and "Try again".

use dioxus::prelude::*;

use crate::UiState;

#[component]
pub fn Loading() -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        p { class: "loading", role: "status",
            span { class: "spinner dark", aria_hidden: "true" }
            {lang.t("loading")}
        }
    }
}

#[component]
pub fn LoadFailed(message: String, on_retry: EventHandler<()>) -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        div { class: "error", role: "alert", p { {message} } }
        button { class: "button secondary", r#type: "button", onclick: move |_| on_retry.call(()),
            {lang.t("loading-try-again")}
        }
    }
}
