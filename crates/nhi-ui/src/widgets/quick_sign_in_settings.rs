//! 生物辨識輔助登入 under 我的: turning it on for this device (the OS prompt unlocks a new
//! key), and the devices where it is on, each with when it was turned on, when last used,
//! and a Remove button. Where the system has no prompt (the Linux desktop) one line says so.

use dioxus::prelude::*;

use crate::hooks::{use_busy_action, use_quick_sign_in_availability};
use crate::widgets::{LoadFailed, Loading};
use crate::UiState;
use nhi_client::app::{display, Services, Session};
use nhi_client::platform::Availability;
use nhi_core::api::QuickSignInKey;
use nhi_core::i18n::{Lang, Msg};

/// The turn-on button's `data-action` (what tests and the browser tests press).
pub const TURN_ON: &str = "turn-on-quick-sign-in";

#[component]
pub fn QuickSignInSettings(session: Session) -> Element {
    let mut state = use_context::<UiState>();
    let services = use_context::<Services>();
    let lang = state.lang();
    let id = session.person.id_number.clone();
    let availability = use_quick_sign_in_availability();
    let mut ready = use_signal({
        let flows = services.flows.clone();
        move || flows.quick_sign_in_ready(&id)
    });
    let mut keys = use_resource({
        let flows = services.flows.clone();
        let session = session.clone();
        move || {
            let flows = flows.clone();
            let session = session.clone();
            async move { flows.quick_sign_in_keys(&session).await }
        }
    });
    let enrol = use_busy_action::<String>();
    let remove = use_busy_action::<String>();

    let turn_on = {
        let flows = services.flows.clone();
        let session = session.clone();
        move |_| {
            let flows = flows.clone();
            let session = session.clone();
            enrol.run(async move {
                let lang = state.lang();
                let reason = lang.t("account-quick-sign-in-enrol-reason");
                flows
                    .enrol_quick_sign_in(&session, &reason)
                    .await
                    .map_err(|e| e.user_message(lang))?;
                ready.set(true);
                keys.restart();
                state.notify("account-quick-sign-in-turned-on");
                Ok(())
            });
        }
    };
    let remove_key = use_callback({
        let flows = services.flows.clone();
        let session = session.clone();
        move |key: QuickSignInKey| {
            let flows = flows.clone();
            let session = session.clone();
            remove.run(async move {
                let lang = state.lang();
                flows
                    .remove_quick_sign_in_key(&session, &key.device_id)
                    .await
                    .map_err(|e| e.user_message(lang))?;
                let id = &session.person.id_number;
                ready.set(flows.quick_sign_in_ready(id));
                keys.restart();
                state.notify(Msg::new("account-quick-sign-in-removed").with("device", key.label));
                Ok(())
            });
        }
    });

    let setting = match *availability.read() {
        None => rsx! {},
        Some(Availability::NoPromptOnThisSystem) => rsx! {
            p { class: "hint", {lang.t("quick-sign-in-unavailable-system")} }
        },
        Some(Availability::NothingEnrolled) => rsx! {
            p { class: "hint", {lang.t("quick-sign-in-nothing-enrolled")} }
        },
        Some(Availability::Available) => rsx! {
            p { {lang.t("account-quick-sign-in-explain")} }
            if ready() {
                p { class: "ok", {lang.t("account-quick-sign-in-turned-on")} }
            } else {
                button {
                    class: "button primary",
                    r#type: "button",
                    "data-action": TURN_ON,
                    disabled: (enrol.busy)(),
                    aria_busy: "{enrol.busy}",
                    onclick: turn_on,
                    if (enrol.busy)() {
                        span { class: "spinner", aria_hidden: "true" }
                        {lang.t("account-quick-sign-in-turning-on")}
                    } else {
                        {lang.t("account-quick-sign-in-turn-on")}
                    }
                }
            }
            if let Some(text) = enrol.error.read().clone() {
                p { class: "error", role: "alert", {text} }
            }
        },
    };

    let list = match &*keys.read() {
        None => rsx! { Loading {} },
        Some(Err(e)) => rsx! {
            LoadFailed { message: e.user_message(lang), on_retry: move |_| keys.restart() }
        },
        Some(Ok((list, _))) if list.is_empty() => rsx! {
            p { class: "hint", {lang.t("account-quick-sign-in-none")} }
        },
        Some(Ok((list, this_device))) => rsx! {
            ul { class: "quick-sign-in-keys",
                for key in list.iter().cloned() {
                    KeyLine {
                        key: "{key.device_id}",
                        here: key.device_id == *this_device,
                        busy: (remove.busy)(),
                        lang,
                        on_remove: move |key| remove_key.call(key),
                        item: key,
                    }
                }
            }
        },
    };

    rsx! {
        section { class: "card quick-sign-in", aria_labelledby: "quick-sign-in-heading",
            h2 { id: "quick-sign-in-heading", {lang.t("account-quick-sign-in-heading")} }
            {setting}
            h3 { {lang.t("account-quick-sign-in-devices")} }
            {list}
            if let Some(text) = remove.error.read().clone() {
                p { class: "error", role: "alert", {text} }
            }
        }
    }
}

/// One device's key: its name, when turned on and last used, and Remove.
#[component]
fn KeyLine(
    item: QuickSignInKey,
    here: bool,
    busy: bool,
    lang: Lang,
    on_remove: EventHandler<QuickSignInKey>,
) -> Element {
    let when = |at| {
        format!(
            "{} {}",
            display::local_date(at, lang),
            display::local_time(at)
        )
    };
    let enrolled = nhi_core::tr!(
        lang,
        "account-quick-sign-in-enrolled-at",
        time = when(item.enrolled_at)
    );
    let used = match item.last_used_at {
        Some(at) => nhi_core::tr!(lang, "account-quick-sign-in-last-used", time = when(at)),
        None => lang.t("account-quick-sign-in-never-used"),
    };
    let label = item.label.clone();
    rsx! {
        li { class: "quick-sign-in-key",
            div {
                strong { {label.clone()} }
                if here {
                    " "
                    span { {lang.t("account-quick-sign-in-this-device")} }
                }
                br {}
                span { class: "hint", {format!("{enrolled} · {used}")} }
            }
            button {
                class: "button secondary",
                r#type: "button",
                disabled: busy,
                aria_label: format!("{} {label}", lang.t("account-quick-sign-in-remove")),
                onclick: move |_| on_remove.call(item.clone()),
                {lang.t("account-quick-sign-in-remove")}
            }
        }
    }
}
