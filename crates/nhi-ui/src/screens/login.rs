//! Sign in with ID number and registration password; pick among the accounts remembered on
//! this device; "remember me"; an eye to show the password; 生物辨識輔助登入 for a remembered
//! account whose key is on this device.

use dioxus::prelude::*;

use crate::hooks::{use_busy_action, use_quick_sign_in_availability};
use crate::widgets::icons;
use crate::{Route, UiState};
use nhi_client::app::wizard::PhoneStep;
use nhi_client::app::{LoginError, LoginForm, RememberedAccount, Services};
use nhi_client::platform::Availability;

/// The quick sign-in button's `data-action` (what tests and the browser tests press).
pub const QUICK_SIGN_IN: &str = "quick-sign-in";

#[component]
pub fn Login(next: Vec<String>) -> Element {
    let mut state = use_context::<UiState>();
    let services = use_context::<Services>();
    let nav = navigator();
    let lang = state.lang();

    let mut remembered = use_signal(|| services.flows.remembered().unwrap_or_default());
    let mut id_number = use_signal(|| {
        remembered
            .peek()
            .first()
            .map(|a| a.id_number.to_string())
            .unwrap_or_default()
    });
    let mut password = use_signal(String::new);
    let mut remember = use_signal(|| !remembered.peek().is_empty());
    let mut show_password = use_signal(|| false);
    let action = use_busy_action::<LoginError>();
    let (busy, mut error) = (action.busy, action.error);

    let auth = services.flows.clone();
    let back_to = Route::after_sign_in(&next);
    let submit = move |event: FormEvent| {
        event.prevent_default();
        let form = LoginForm {
            id_number: id_number(),
            password: password(),
            remember: remember(),
        };
        let auth = auth.clone();
        let back_to = back_to.clone();
        action.run(async move {
            let session = auth.login(&form).await?;
            password.set(String::new());
            state.now.set(auth.clock().now());
            state.session.set(Some(session));
            state.notice.set(None);
            nav.replace(back_to);
            Ok(())
        });
    };

    // 生物辨識輔助登入, for a remembered account whose key is on this device.
    let quick = use_busy_action::<String>();
    let quick_account = services
        .flows
        .quick_sign_in_account(&remembered.read(), &id_number());
    let availability = use_quick_sign_in_availability();
    let quick_unavailable = *availability.read() == Some(Availability::NoPromptOnThisSystem);
    let quick_sign_in = {
        let auth = services.flows.clone();
        let back_to = Route::after_sign_in(&next);
        let account = quick_account.clone();
        move |_| {
            let Some(account) = account.clone() else {
                return;
            };
            let auth = auth.clone();
            let back_to = back_to.clone();
            error.set(None);
            quick.run(async move {
                let lang = state.lang();
                let reason = lang.t("login-quick-sign-in-reason");
                let session = auth
                    .quick_sign_in(&account, &reason)
                    .await
                    .map_err(|e| e.user_message(lang))?;
                state.now.set(auth.clock().now());
                state.session.set(Some(session));
                state.notice.set(None);
                nav.replace(back_to);
                Ok(())
            });
        }
    };

    let forget_auth = services.flows.clone();
    let forget = use_callback(move |account: RememberedAccount| {
        if let Ok(list) = forget_auth.forget(&account.id_number) {
            remembered.set(list);
        }
    });

    let show = show_password();
    let forgot_url = format!("{}/register/forgot", services.backend_url);
    let error_text = error.read().as_ref().map(|e| e.user_message(lang));
    let needs_device_auth = error
        .read()
        .as_ref()
        .is_some_and(|e| e.needs_device_authentication());

    rsx! {
        section { class: "login",
            h1 { {lang.t("common-sign-in")} }
            if !remembered.read().is_empty() {
                div { class: "remembered",
                    h2 { {lang.t("login-accounts-device")} }
                    ul {
                        for account in remembered.read().iter().cloned() {
                            li { key: "{account.id_number}",
                                button {
                                    r#type: "button",
                                    class: if id_number() == account.id_number.as_str() { "remembered-account picked" } else { "remembered-account" },
                                    // The name starts with what the button shows (WCAG 2.5.3).
                                    aria_label: format!("{} {} – {}", account.name, account.id_number.masked(), lang.t("login-use-account")),
                                    onclick: {
                                        let id = account.id_number.to_string();
                                        move |_| {
                                            id_number.set(id.clone());
                                            password.set(String::new());
                                            error.set(None);
                                        }
                                    },
                                    // The space keeps the shown words apart for assistive
                                    // technology, whose name for the button starts with them.
                                    strong { {account.name.clone()} }
                                    " "
                                    span { {account.id_number.masked()} }
                                }
                                button {
                                    r#type: "button",
                                    class: "forget",
                                    aria_label: format!("{} {}", lang.t("login-remove-from-device"), account.name),
                                    onclick: {
                                        let account = account.clone();
                                        move |_| forget.call(account.clone())
                                    },
                                    "×"
                                }
                            }
                        }
                    }
                }
            }
            form { class: "card form", novalidate: true, onsubmit: submit,
                label { r#for: "login-id", {lang.t("common-id-number-national-id")} }
                input {
                    id: "login-id",
                    name: "id_number",
                    r#type: "text",
                    inputmode: "text",
                    autocomplete: "username",
                    autocapitalize: "characters",
                    spellcheck: "false",
                    maxlength: "10",
                    placeholder: "A123456789",
                    value: "{id_number}",
                    oninput: move |e| id_number.set(e.value()),
                }
                label { r#for: "login-password", {lang.t("common-registration-password")} }
                div { class: "password-field",
                    input {
                        id: "login-password",
                        name: "password",
                        r#type: if show { "text" } else { "password" },
                        autocomplete: "current-password",
                        value: "{password}",
                        oninput: move |e| password.set(e.value()),
                    }
                    button {
                        r#type: "button",
                        class: "eye",
                        aria_pressed: "{show}",
                        aria_label: if show { lang.t("common-hide-password") } else { lang.t("common-show-password") },
                        onclick: move |_| show_password.toggle(),
                        if show { icons::EyeOff {} } else { icons::Eye {} }
                    }
                }
                label { class: "checkbox",
                    input {
                        r#type: "checkbox",
                        name: "remember",
                        checked: remember(),
                        onchange: move |e| remember.set(e.checked()),
                    }
                    {lang.t("login-remember-my-id-number")}
                }
                if let Some(text) = error_text {
                    p { class: "error", role: "alert", {text} }
                }
                if needs_device_auth {
                    Link { class: "button secondary", to: Route::DeviceAuthentication {},
                        {lang.t("login-go-device-authentication")}
                    }
                }
                button { class: "button primary", r#type: "submit", disabled: busy(), aria_busy: "{busy}",
                    if busy() {
                        span { class: "spinner", aria_hidden: "true" }
                        {lang.t("login-signing-in")}
                    } else {
                        {lang.t("common-sign-in")}
                    }
                }
                p { class: "hint", {lang.t("login-sign-lasts-most-2")} }
            }
            if quick_account.is_some() {
                div { class: "card quick-sign-in-login",
                    button {
                        class: "button secondary",
                        r#type: "button",
                        "data-action": QUICK_SIGN_IN,
                        disabled: (quick.busy)(),
                        aria_busy: "{quick.busy}",
                        onclick: quick_sign_in,
                        if (quick.busy)() {
                            span { class: "spinner dark", aria_hidden: "true" }
                            {lang.t("login-quick-sign-in-waiting")}
                        } else {
                            {lang.t("login-quick-sign-in")}
                        }
                    }
                }
            } else if quick_unavailable {
                p { class: "hint quick-sign-in-unavailable", {lang.t("quick-sign-in-unavailable-system")} }
            }
            // Outside the button's card: a refused key is dropped, and the button with it,
            // but the reason stays on screen.
            if let Some(text) = quick.error.read().clone() {
                p { class: "error", role: "alert", {text} }
            }
            // The manual: "可利用下方「裝置認證」增加帳號資訊".
            div { class: "card login-more",
                p { {lang.t("login-device-auth-hint")} }
                Link { class: "button secondary", to: Route::DeviceAuthentication {},
                    {lang.t("common-device-authentication")}
                }
                details { class: "forgot",
                    summary { {lang.t("login-forgot-password")} }
                    p { {lang.t("login-forgot-website")} }
                    a {
                        href: "{forgot_url}",
                        target: "_blank",
                        rel: "noopener",
                        {lang.t("login-forgot-website-link")}
                    }
                    p { {lang.t("login-forgot-phone")} }
                    Link { to: Route::PhoneAuthentication { step: PhoneStep::default() },
                        {lang.t("common-mobile-number-authentication")}
                    }
                }
            }
        }
    }
}
