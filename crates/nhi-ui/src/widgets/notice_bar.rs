//! A one-time notice ("signed out", "session ended") with a close button. It belongs to the
//! screen it is first shown on: moving on to another screen ends it, so an old notice never
//! pushes a later screen (a card's QR) down.

use dioxus::prelude::*;

use crate::state::Notice;
use crate::{Route, UiState};

#[component]
pub fn NoticeBar() -> Element {
    let mut state = use_context::<UiState>();
    let lang = state.lang();
    let route = use_route::<Route>();
    // Which notice was first shown on which screen (a new notice starts afresh).
    let mut shown_on = use_signal(|| None::<(Notice, Route)>);
    use_effect(use_reactive!(|route| {
        let showing = state.notice.read().clone();
        let first_shown = shown_on.peek().clone();
        match (showing, first_shown) {
            (None, _) => shown_on.set(None),
            (Some(now), Some((then, on))) if now == then => {
                if on != route {
                    state.notice.set(None);
                    shown_on.set(None);
                }
            }
            (Some(now), _) => shown_on.set(Some((now, route))),
        }
    }));
    let Some(notice) = state.notice.read().clone() else {
        return rsx! {};
    };
    rsx! {
        div { class: "notice", role: "status",
            span { {notice.text(lang)} }
            button {
                r#type: "button",
                class: "notice-close",
                aria_label: lang.t("notice-bar-dismiss"),
                onclick: move |_| state.notice.set(None),
                "×"
            }
        }
    }
}
