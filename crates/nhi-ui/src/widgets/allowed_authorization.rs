//! One card I may use: whose, for which period, its state; "Use this card" while in effect,
//! and "Stop using" for a grantee who no longer needs it.

use dioxus::prelude::*;

use crate::hooks::use_end_authorization;
use crate::widgets::ConfirmAction;
use crate::{Route, UiState};
use nhi_client::app::authorization::{is_current, period_text, state_label};
use nhi_client::app::Session;
use nhi_core::api::{AuthorizationState, AuthorizationView};

#[component]
pub fn AllowedAuthorization(
    session: Session,
    view: AuthorizationView,
    on_changed: EventHandler<()>,
) -> Element {
    let lang = use_context::<UiState>().lang();
    let confirming = use_signal(|| false);
    let whose = nhi_core::tr!(
        lang,
        "allowed-authorization-whose",
        holder = view.grantor.name.as_str(),
        id = view.grantor.id_number.to_string()
    );
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
                    aria_label: format!("{} {whose}", lang.t("allowed-authorization-use-card")),
                    {lang.t("allowed-authorization-use-card")}
                }
            }
            if is_current(view.state) {
                ConfirmAction {
                    open: confirming,
                    trigger_label: lang.t("allowed-authorization-stop"),
                    trigger_name: format!("{} {whose}", lang.t("allowed-authorization-stop")),
                    small: true,
                    message: nhi_core::tr!(lang, "allowed-authorization-confirm-stop", whose = whose.as_str()),
                    confirm_label: lang.t("allowed-authorization-stop-confirm"),
                    confirm_name: format!("{} {whose}", lang.t("allowed-authorization-stop-confirm-name")),
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
