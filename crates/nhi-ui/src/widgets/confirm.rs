//! A question before something that cannot be undone (cancelling a card or an
//! authorization): the button that asks, then the consequence in words, the red button
//! and "Keep it".
//!
//! Focus follows the question as a keyboard or screen-reader user expects: into the
//! question when it opens (onto "Keep it", the safe answer), and back onto the button that
//! asked when it is kept (Escape keeps it too).

use std::sync::atomic::{AtomicUsize, Ordering};

use dioxus::prelude::*;

use crate::UiState;

/// A fresh id for the question's text, so the dialog is named by it.
fn next_id() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("confirm-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// `open`: whether the question is showing (a gesture elsewhere may open it too).
/// `trigger_name` / `confirm_name`: accessible names that name what the buttons act on
/// when the screen lists several; each starts with the visible label.
#[component]
pub fn ConfirmAction(
    open: Signal<bool>,
    trigger_label: String,
    trigger_name: Option<String>,
    #[props(default)] small: bool,
    message: String,
    confirm_label: String,
    confirm_name: Option<String>,
    busy: bool,
    on_confirm: EventHandler<()>,
) -> Element {
    let lang = use_context::<UiState>().lang();
    let text_id = use_hook(next_id);
    // Set when the question was kept, so the asking button takes the focus back once.
    let mut returning = use_signal(|| false);
    let mut keep = move || {
        returning.set(true);
        open.set(false);
    };
    let size = if small { " small" } else { "" };
    if !open() {
        return rsx! {
            button { class: "button secondary{size}", r#type: "button", aria_label: trigger_name,
                onmounted: move |e: MountedEvent| async move {
                    if *returning.peek() {
                        returning.set(false);
                        let _ = e.set_focus(true).await;
                    }
                },
                onclick: move |_| open.set(true),
                {trigger_label}
            }
        };
    }
    rsx! {
        div { class: "error confirm", role: "alertdialog", aria_labelledby: "{text_id}",
            onkeydown: move |e: KeyboardEvent| {
                if e.key() == Key::Escape {
                    keep();
                }
            },
            p { id: "{text_id}", {message} }
            button { class: "button primary danger", r#type: "button", disabled: busy,
                aria_label: confirm_name,
                onclick: move |_| on_confirm.call(()),
                {confirm_label}
            }
            button { class: "button secondary", r#type: "button",
                onmounted: move |e: MountedEvent| async move {
                    let _ = e.set_focus(true).await;
                },
                onclick: move |_| keep(),
                {lang.t("confirm-keep")}
            }
        }
    }
}
