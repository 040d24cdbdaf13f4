//! 行動電話認證: what to prepare → ID, last 4 card digits, mobile number → the telecom
//! confirms → set the registration password → bound and signed in.
//!
//! The step is in the address (back goes one step back); a reload keeps the ID and the
//! mobile number, never the card digits, the carrier's confirmation or a password.

use dioxus::prelude::*;

use crate::app::wizard::{CodeStep, PhoneStep as Step};
use crate::app::{display, DeviceAuthError, PasswordForm, PhoneCheck, PhoneForm, Services};
use crate::platform::drafts;
use crate::ui::hooks::use_action;
use crate::ui::widgets::NewPassword;
use crate::ui::widgets::{use_wizard, BackStep, StepHeading};
use crate::ui::{Route, UiState};

const DRAFT_KEY: &str = "phone-authentication";

/// What a reload keeps.
#[derive(Clone, Default, serde::Serialize, serde::Deserialize)]
struct Draft {
    id_number: String,
    mobile: String,
}

#[component]
pub fn PhoneAuthentication(step: Step) -> Element {
    let mut state = use_context::<UiState>();
    let services = use_context::<Services>();
    let nav = navigator();
    let lang = state.lang();
    let mut form = use_signal(|| {
        let kept = drafts::load::<Draft>(DRAFT_KEY).unwrap_or_default();
        PhoneForm {
            id_number: kept.id_number,
            mobile: kept.mobile,
            ..PhoneForm::default()
        }
    });
    use_effect(move || {
        let form = form.read();
        drafts::save(
            DRAFT_KEY,
            &Draft {
                id_number: form.id_number.clone(),
                mobile: form.mobile.clone(),
            },
        );
    });
    let mut checked = use_signal(|| None::<PhoneCheck>);
    // Without the carrier's confirmation (gone after a reload) the password step gives way
    // to the number step.
    let shown = step.reachable(checked.read().is_some());
    let wizard = use_wizard(step, shown, |step| Route::PhoneAuthentication { step });
    let step = shown;
    let password = use_signal(PasswordForm::default);
    let action = use_action::<DeviceAuthError>();
    let (busy, error) = (action.busy, action.error);

    let auth = services.flows.clone();
    let check = move |e: FormEvent| {
        e.prevent_default();
        let auth = auth.clone();
        action.run(async move {
            let confirmed = auth.check_phone(&form.peek()).await?;
            checked.set(Some(confirmed));
            wizard.go(Step::Password);
            Ok(())
        });
    };
    let auth = services.flows.clone();
    let bind = move |e: FormEvent| {
        e.prevent_default();
        let Some(confirmed) = checked.peek().clone() else {
            return;
        };
        let auth = auth.clone();
        action.run(async move {
            let session = auth.bind_by_phone(&confirmed, &password.peek()).await?;
            drafts::clear(DRAFT_KEY);
            state.now.set(auth.clock().now());
            state.session.set(Some(session));
            state.notify(
                "裝置認證完成，您已登入。",
                "This device is authenticated and you are signed in.",
            );
            nav.replace(Route::Home {});
            Ok(())
        });
    };

    let error_view = error.read().as_ref().map(|e| {
        let text = e.user_message(lang);
        let to_code = e.suggests_device_code();
        rsx! {
            div { class: "error", role: "alert",
                p { {text} }
                if to_code {
                    Link { class: "button secondary", to: Route::CodeAuthentication { step: CodeStep::default() },
                        {lang.pick("改用裝置碼認證", "Use device code authentication")}
                    }
                }
            }
        }
    });
    let spinner = |zh: &'static str, en: &'static str| {
        rsx! { span { class: "spinner", aria_hidden: "true" } {lang.pick(zh, en)} }
    };

    let focus = wizard.moved();
    let back = |to: Step| rsx! { BackStep { previous: Route::PhoneAuthentication { step: to } } };
    let body = match step {
        Step::Prepare => rsx! {
            div { class: "card",
                StepHeading { text: lang.pick("請準備", "What to prepare"), focus }
                ul { class: "prepare",
                    li { {lang.pick("您的健保卡（需輸入卡號末 4 碼）", "Your NHI card (you will type the last 4 digits of its number)")} }
                    li { {lang.pick("本人名下的月租型手機門號（預付卡無法使用）", "A monthly-contract mobile number in your own name (prepaid numbers cannot be used)")} }
                    li { {lang.pick("手機請開啟行動數據並關閉 Wi-Fi，電信業者才能確認門號", "On a phone, turn on mobile data and turn off Wi-Fi so the carrier can confirm the number")} }
                }
                button { class: "button primary", r#type: "button", onclick: move |_| wizard.go(Step::Number),
                    {lang.pick("開始認證", "Start")}
                }
            }
        },
        Step::Number => rsx! {
            form { class: "card form", novalidate: true, onsubmit: check,
                StepHeading { text: lang.pick("輸入身分資料", "Your details"), focus }
                label { r#for: "phone-id", {lang.pick("身分證號／居留證號", "ID number (national ID or ARC/UI number)")} }
                input { id: "phone-id", maxlength: "10", autocapitalize: "characters", autocomplete: "username",
                    value: "{form.read().id_number}", oninput: move |e| form.write().id_number = e.value() }
                label { r#for: "phone-last4", {lang.pick("健保卡號末 4 碼", "Last 4 digits of the NHI card number")} }
                input { id: "phone-last4", inputmode: "numeric", maxlength: "4",
                    value: "{form.read().card_last4}", oninput: move |e| form.write().card_last4 = e.value() }
                label { r#for: "phone-mobile", {lang.pick("手機號碼", "Mobile number")} }
                input { id: "phone-mobile", r#type: "tel", inputmode: "tel", maxlength: "16", autocomplete: "tel", placeholder: "0912345678",
                    value: "{form.read().mobile}", oninput: move |e| form.write().mobile = e.value() }
                {error_view}
                button { class: "button primary", r#type: "submit", disabled: busy(),
                    if busy() { {spinner("電信業者確認中…", "Asking the carrier…")} } else { {lang.pick("下一步", "Next")} }
                }
                {back(Step::Prepare)}
            }
        },
        Step::Password => {
            let Some(confirmed) = checked() else {
                return rsx! {};
            };
            rsx! {
            form { class: "card form", novalidate: true, onsubmit: bind,
                StepHeading { text: lang.pick("最後一步：設定密碼", "Last step: your password"), focus }
                p { class: "notice-inline", role: "status",
                    {format!(
                        "{}{}{}",
                        lang.pick("電信業者已確認門號（", "Your carrier confirmed the number ("),
                        confirmed.carrier,
                        lang.pick("）。請於 ", "). Set your password before "),
                    )}
                    {display::local_time(confirmed.expires_at)}
                    {lang.pick(" 前設定密碼。", ".")}
                }
                NewPassword { form: password }
                {error_view}
                button { class: "button primary", r#type: "submit", disabled: busy(),
                    if busy() { {spinner("認證中…", "Binding…")} } else { {lang.pick("完成認證", "Finish")} }
                }
                {back(Step::Number)}
            }
            }
        }
    };

    rsx! {
        section { class: "device-auth",
            h1 { {lang.pick("行動電話認證", "Mobile number authentication")} }
            {body}
        }
    }
}
