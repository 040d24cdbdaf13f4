//! 行動電話認證: what to prepare → the User Terms and Conditions and the Personal Privacy
//! Statement (Confirm agrees) → ID, last 4 card digits, mobile number → the telecom confirms →
//! set the registration password → bound and signed in.
//!
//! The step is in the address (back goes one step back); a reload keeps the agreement, the ID
//! and the mobile number, never the card digits, the carrier's confirmation or a password.

use dioxus::prelude::*;

use crate::hooks::use_busy_action;
use crate::widgets::NewPassword;
use crate::widgets::{use_wizard, BackStep, StepHeading};
use crate::{Route, UiState};
use nhi_client::app::wizard::{CodeStep, PhoneStep as Step};
use nhi_client::app::{display, DeviceAuthError, PasswordForm, PhoneCheck, PhoneForm, Services};
use nhi_client::platform::drafts;
use nhi_core::domain::consent::APP_TERMS_VERSION;

const DRAFT_KEY: &str = "phone-authentication";

/// What a reload keeps.
#[derive(Clone, Default, serde::Serialize, serde::Deserialize)]
struct Draft {
    id_number: String,
    mobile: String,
    #[serde(default)]
    terms_agreed: bool,
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
            terms_agreed: kept.terms_agreed,
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
                terms_agreed: form.terms_agreed,
            },
        );
    });
    let mut checked = use_signal(|| None::<PhoneCheck>);
    // Without the carrier's confirmation (gone after a reload) the password step gives way
    // to the number step.
    let shown = step.reachable(form.read().terms_agreed, checked.read().is_some());
    let wizard = use_wizard(step, shown, |step| Route::PhoneAuthentication { step });
    let step = shown;
    let password = use_signal(PasswordForm::default);
    let action = use_busy_action::<DeviceAuthError>();
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
            state.notify("phone-authentication-device-authenticated-are-signed");
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
                        {lang.t("phone-authentication-use-device-code-authentication")}
                    }
                }
            }
        }
    });
    let spinner = |message: &'static str| {
        rsx! { span { class: "spinner", aria_hidden: "true" } {lang.t(message)} }
    };

    let focus = wizard.moved();
    let back = |to: Step| rsx! { BackStep { previous: Route::PhoneAuthentication { step: to } } };
    let body = match step {
        Step::Prepare => rsx! {
            div { class: "card",
                StepHeading { text: lang.t("common-what-prepare"), focus }
                ul { class: "prepare",
                    li { {lang.t("phone-authentication-nhi-card-will-type")} }
                    li { {lang.t("phone-authentication-monthly-contract-mobile-number")} }
                    li { {lang.t("phone-authentication-phone-turn-mobile-data")} }
                }
                button { class: "button primary", r#type: "button", onclick: move |_| wizard.go(Step::Terms),
                    {lang.t("phone-authentication-start")}
                }
            }
        },
        Step::Terms => rsx! {
            div { class: "card",
                StepHeading { text: lang.t("phone-terms-heading"), focus }
                p { {lang.t("phone-terms-intro")} }
                // Long text in its own scrolling box, reachable by keyboard.
                div { class: "terms-text", tabindex: "0", role: "region",
                    aria_label: lang.t("phone-terms-heading"),
                    h3 { {lang.t("phone-terms-use-heading")} }
                    p { {lang.t("phone-terms-use")} }
                    h3 { {lang.t("phone-terms-privacy-heading")} }
                    p { {lang.t("phone-terms-privacy")} }
                    p { class: "hint", {nhi_core::tr!(lang, "phone-terms-version", version = APP_TERMS_VERSION)} }
                }
                button { class: "button primary", r#type: "button",
                    onclick: move |_| {
                        form.write().terms_agreed = true;
                        wizard.go(Step::Number);
                    },
                    {lang.t("phone-terms-confirm")}
                }
                {back(Step::Prepare)}
            }
        },
        Step::Number => rsx! {
            form { class: "card form", novalidate: true, onsubmit: check,
                StepHeading { text: lang.t("phone-authentication-details"), focus }
                label { r#for: "phone-id", {lang.t("common-id-number-national-id")} }
                input { id: "phone-id", maxlength: "10", autocapitalize: "characters", autocomplete: "username",
                    value: "{form.read().id_number}", oninput: move |e| form.write().id_number = e.value() }
                label { r#for: "phone-last4", {lang.t("phone-authentication-last-4-digits-nhi")} }
                input { id: "phone-last4", inputmode: "numeric", maxlength: "4",
                    value: "{form.read().card_last4}", oninput: move |e| form.write().card_last4 = e.value() }
                label { r#for: "phone-mobile", {lang.t("phone-authentication-mobile-number")} }
                input { id: "phone-mobile", r#type: "tel", inputmode: "tel", maxlength: "16", autocomplete: "tel", placeholder: "0912345678",
                    value: "{form.read().mobile}", oninput: move |e| form.write().mobile = e.value() }
                {error_view}
                button { class: "button primary", r#type: "submit", disabled: busy(),
                    if busy() { {spinner("phone-authentication-asking-carrier")} } else { {lang.t("common-next")} }
                }
                {back(Step::Terms)}
            }
        },
        Step::Password => {
            let Some(confirmed) = checked() else {
                return rsx! {};
            };
            rsx! {
            form { class: "card form", novalidate: true, onsubmit: bind,
                StepHeading { text: lang.t("phone-authentication-last-step-password"), focus }
                p { class: "notice-inline", role: "status",
                    {nhi_core::tr!(lang, "phone-authentication-carrier-confirmed",
                        carrier = confirmed.carrier.as_str(),
                        time = display::local_time(confirmed.expires_at))}
                }
                NewPassword { form: password }
                {error_view}
                button { class: "button primary", r#type: "submit", disabled: busy(),
                    if busy() { {spinner("common-binding")} } else { {lang.t("common-finish")} }
                }
                {back(Step::Number)}
            }
            }
        }
    };

    rsx! {
        section { class: "device-auth",
            h1 { {lang.t("common-mobile-number-authentication")} }
            {body}
        }
    }
}
