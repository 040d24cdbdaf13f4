//! A service tile as the manuals' home and 健保櫃檯 show them: an icon, the service, a line on
//! what it is for, and 需登入 on the services that need sign-in while no one is signed in.

use dioxus::prelude::*;

use crate::{Route, UiState};

#[component]
pub fn ServiceTile(
    to: Route,
    icon: Element,
    title: String,
    hint: String,
    /// The service needs sign-in: marked 需登入 while no one is signed in.
    #[props(default)]
    needs_sign_in: bool,
    /// Anything more the tile says (a badge).
    #[props(default)]
    children: Element,
) -> Element {
    let state = use_context::<UiState>();
    let lang = state.lang();
    let mark = needs_sign_in && state.session.read().is_none();
    rsx! {
        Link { class: "tile", to,
            {icon}
            strong { {title} }
            small { {hint} }
            if mark {
                span { class: "needs-sign-in", {lang.t("tile-needs-sign-in")} }
            }
            {children}
        }
    }
}
