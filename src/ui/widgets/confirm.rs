//! A question before something that cannot be undone (cancelling a card or an
//! authorization): the consequence in words, the red button, and "Keep it".

use dioxus::prelude::*;

use crate::ui::UiState;

/// `confirm_name`: the accessible name of the red button, naming what it acts on when the
/// screen lists several.
#[component]
pub fn Confirm(
    message: String,
    confirm_label: String,
    confirm_name: Option<String>,
    busy: bool,
    on_confirm: EventHandler<()>,
    on_keep: EventHandler<()>,
) -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        div { class: "error", role: "alert",
            p { {message} }
            button { class: "button primary danger", r#type: "button", disabled: busy,
                aria_label: confirm_name,
                onclick: move |_| on_confirm.call(()),
                {confirm_label}
            }
            button { class: "button secondary", r#type: "button", onclick: move |_| on_keep.call(()),
                {lang.pick("保留", "Keep it")}
            }
        }
    }
}
