//! One card I may use: whose, for which period, its state; "Use this card" while in effect.

use dioxus::prelude::*;

use crate::api::{AuthorizationState, AuthorizationView};
use crate::app::authorization::{period_text, state_label};
use crate::domain::Lang;
use crate::ui::{Route, UiState};

#[component]
pub fn AllowedAuthorization(view: AuthorizationView) -> Element {
    let lang = use_context::<UiState>().lang();
    let whose = match lang {
        Lang::ZhTw => format!(
            "{}（{}）的虛擬健保卡",
            view.grantor.name, view.grantor.id_number
        ),
        Lang::En => format!("{}'s card ({})", view.grantor.name, view.grantor.id_number),
    };
    rsx! {
        li { class: "authorization allowed", "data-state": format!("{:?}", view.state),
            div { class: "authorization-head",
                strong { class: "party", {whose.clone()} }
                span { class: "state", {state_label(view.state, lang)} }
            }
            p { class: "period", {period_text(&view, lang)} }
            if view.state == AuthorizationState::Active {
                Link { class: "button primary small", to: Route::DelegateCard { id: view.id },
                    aria_label: format!("{} {whose}", lang.pick("使用", "Use")),
                    {lang.pick("使用此卡就醫", "Use this card")}
                }
            }
        }
    }
}
