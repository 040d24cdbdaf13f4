//! One person who may use my card: who, for which period, every use (when, where), and
//! cancelling — a button everywhere, and on phones a swipe to the left opens the same
//! confirmation.

use dioxus::prelude::*;

use crate::hooks::use_end_authorization;
use crate::widgets::{ConfirmAction, UseLine};
use crate::UiState;
use nhi_client::app::authorization::{is_current, period_text, state_label};
use nhi_client::app::Session;
use nhi_core::api::{AuthorizationState, AuthorizationView};

/// How far a finger must travel left before a swipe counts as "cancel".
const SWIPE_PIXELS: f64 = 80.0;

#[component]
pub fn GrantedAuthorization(
    session: Session,
    view: AuthorizationView,
    on_changed: EventHandler<()>,
) -> Element {
    let state = use_context::<UiState>();
    let lang = state.lang();
    let mut confirming = use_signal(|| false);
    let mut swipe_from = use_signal(|| None::<f64>);
    let can_cancel = is_current(view.state);
    let ending = use_end_authorization(session, view.id, on_changed);
    let who = nhi_core::tr!(
        lang,
        "person-with-id",
        name = view.grantee.name.as_str(),
        id = view.grantee.id_number.to_string()
    );
    let uses = view.uses.clone();
    let pending = view.state == AuthorizationState::Pending;

    rsx! {
        li {
            class: "authorization granted",
            "data-state": format!("{:?}", view.state),
            onpointerdown: move |e: PointerEvent| swipe_from.set(Some(e.client_coordinates().x)),
            onpointerup: move |e: PointerEvent| {
                if let Some(from) = swipe_from.take() {
                    if can_cancel && from - e.client_coordinates().x > SWIPE_PIXELS {
                        confirming.set(true);
                    }
                }
            },
            div { class: "authorization-head",
                strong { class: "party", {who.clone()} }
                span { class: "state", {state_label(view.state, lang)} }
            }
            p { class: "period", {period_text(&view, lang)} }
            if pending {
                p { class: "hint", {lang.t("granted-authorization-they-have-not-entered")} }
            } else {
                h4 { {lang.t("granted-authorization-usage-records")} }
                if uses.is_empty() {
                    p { class: "hint", {lang.t("granted-authorization-not-used-yet")} }
                } else {
                    ul { class: "uses",
                        for (i, u) in uses.iter().enumerate() {
                            UseLine { key: "{i}", used_at: u.used_at, institution: u.institution.clone(), video_visit: u.video_visit }
                        }
                    }
                }
            }
            if can_cancel {
                ConfirmAction {
                    open: confirming,
                    trigger_label: lang.t("granted-authorization-cancel"),
                    trigger_name: format!("{} {}", lang.t("granted-authorization-cancel-name"), view.grantee.name),
                    small: true,
                    message: nhi_core::tr!(lang, "granted-authorization-confirm-cancel", grantee = who.as_str()),
                    confirm_label: lang.t("granted-authorization-cancel-confirm"),
                    confirm_name: format!("{} {}", lang.t("granted-authorization-cancel-confirm-name"), view.grantee.name),
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
