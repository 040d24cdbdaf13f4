//! What every wizard step shares: a heading that takes the focus when the step changes
//! (so a screen reader reads the new step, and Tab continues from there rather than from
//! the top of the page), and a "Back" that keeps what was typed.

use dioxus::prelude::*;

use crate::ui::{Route, UiState};

/// The step's heading. `focus`: the person moved here from another step (not on first
/// opening, where the page's own start is the right place).
#[component]
pub fn StepHeading(text: String, focus: bool) -> Element {
    rsx! {
        h2 { class: "step-heading", tabindex: "-1",
            onmounted: move |e: MountedEvent| async move {
                if focus {
                    let _ = e.set_focus(true).await;
                }
            },
            {text}
        }
    }
}

/// "Back" to `previous`: the history's own step back when there is one (so the browser's
/// forward still works), else straight to it.
#[component]
pub fn BackStep(previous: Route) -> Element {
    let lang = use_context::<UiState>().lang();
    let nav = navigator();
    rsx! {
        button { class: "button text back-step", r#type: "button", "data-back-to": previous.to_string(),
            onclick: move |_| {
                if nav.can_go_back() {
                    nav.go_back();
                } else {
                    nav.replace(previous.clone());
                }
            },
            span { aria_hidden: "true", "‹ " }
            {lang.pick("上一步", "Back")}
        }
    }
}
