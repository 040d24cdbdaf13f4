//! A one-time notice ("signed out", "session ended") with a close button.

use dioxus::prelude::*;

use crate::ui::UiState;

#[component]
pub fn NoticeBar() -> Element {
    let mut state = use_context::<UiState>();
    let lang = state.lang();
    let Some(notice) = state.notice.read().clone() else {
        return rsx! {};
    };
    rsx! {
        div { class: "notice", role: "status",
            span { {lang.pick(&notice.zh_tw, &notice.en).to_owned()} }
            button {
                r#type: "button",
                class: "notice-close",
                aria_label: lang.pick("關閉通知", "Dismiss"),
                onclick: move |_| state.notice.set(None),
                "×"
            }
        }
    }
}
