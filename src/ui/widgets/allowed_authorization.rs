//! One card I may use: whose, for which period, its state; "Use this card" while in effect,
//! and "Stop using" for a grantee who no longer needs it.

use dioxus::prelude::*;

use crate::api::{AuthorizationState, AuthorizationView};
use crate::app::authorization::{is_current, period_text, state_label};
use crate::app::Session;
use crate::domain::Lang;
use crate::ui::hooks::use_end_authorization;
use crate::ui::widgets::ConfirmAction;
use crate::ui::{Route, UiState};

#[component]
pub fn AllowedAuthorization(
    session: Session,
    view: AuthorizationView,
    on_changed: EventHandler<()>,
) -> Element {
    let lang = use_context::<UiState>().lang();
    let confirming = use_signal(|| false);
    let whose = match lang {
        Lang::ZhTw => format!(
            "{}（{}）的虛擬健保卡",
            view.grantor.name, view.grantor.id_number
        ),
        Lang::En => format!("{}'s card ({})", view.grantor.name, view.grantor.id_number),
    };
    let ending = use_end_authorization(session, view.id, on_changed);
    rsx! {
        li { class: "authorization allowed", "data-state": format!("{:?}", view.state),
            div { class: "authorization-head",
                strong { class: "party", {whose.clone()} }
                span { class: "state", {state_label(view.state, lang)} }
            }
            p { class: "period", {period_text(&view, lang)} }
            if view.state == AuthorizationState::Active {
                Link { class: "button primary small", to: Route::DelegateCard { id: view.id },
                    aria_label: format!("{} {whose}", lang.pick("使用此卡就醫", "Use this card")),
                    {lang.pick("使用此卡就醫", "Use this card")}
                }
            }
            if is_current(view.state) {
                ConfirmAction {
                    open: confirming,
                    trigger_label: lang.pick("不再使用", "Stop using").to_owned(),
                    trigger_name: format!("{} {whose}", lang.pick("不再使用", "Stop using")),
                    small: true,
                    message: format!("{}{whose}{}", lang.pick("確定不再使用", "Stop using "), lang.pick("？之後須請對方重新授權。", "? The holder would have to authorize you again.")),
                    confirm_label: lang.pick("確定不再使用", "Stop using it").to_owned(),
                    confirm_name: format!("{} {whose}", lang.pick("確定不再使用", "Stop using it:")),
                    busy: (ending.busy)(),
                    on_confirm: ending.end,
                }
            }
            if let Some(text) = (ending.error)() {
                p { class: "error", role: "alert", {text} }
            }
        }
    }
}
