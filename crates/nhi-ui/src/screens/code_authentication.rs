//! 裝置碼認證: what to prepare (register on the website, produce a code) → type the code or
//! scan its QR from a photo → bound; then log in with the website password.

use dioxus::prelude::*;
use nhi_core::i18n::Msg;

use crate::hooks::use_busy_action;
use crate::widgets::{use_wizard, BackStep, Camera, ImagePicker, PickedImage, StepHeading};
use crate::{Route, UiState};
use nhi_client::app::wizard::CodeStep as Step;
use nhi_client::app::{DeviceAuthError, Services};

#[component]
pub fn CodeAuthentication(step: Step) -> Element {
    let mut state = use_context::<UiState>();
    let services = use_context::<Services>();
    let nav = navigator();
    let lang = state.lang();
    let wizard = use_wizard(step, step, |step| Route::CodeAuthentication { step });
    let mut code = use_signal(String::new);
    let action = use_busy_action::<String>();
    let (busy, mut error) = (action.busy, action.error);

    // Binding with a code, typed or read from a photo: one flow, so a scan binds at once.
    let auth = services.flows.clone();
    let bind_with = move |typed: String| {
        let auth = auth.clone();
        async move {
            let account = auth
                .bind_by_code(&typed)
                .await
                .map_err(|e| e.user_message(state.lang()))?;
            state.notify(Msg::new("code-authentication-done").with("name", account.name.as_str()));
            nav.replace(Route::Login { next: Vec::new() });
            Ok(())
        }
    };
    let typed_bind = bind_with.clone();
    let bind = use_callback(move |typed: String| action.run(typed_bind(typed)));
    let auth = services.flows.clone();
    let scanned = move |image: PickedImage| {
        let auth = auth.clone();
        let bind_with = bind_with.clone();
        action.run(async move {
            let found: Result<_, DeviceAuthError> = auth.read_code_from_image(image.bytes).await;
            let found = found.map_err(|e| e.user_message(state.lang()))?;
            code.set(found.as_str().to_owned());
            bind_with(found.as_str().to_owned()).await
        });
    };
    let site = format!("{}/register", services.backend_url);

    rsx! {
        section { class: "device-auth",
            h1 { {lang.t("common-device-code-authentication")} }
            if step == Step::Prepare {
                div { class: "card",
                    StepHeading { text: lang.t("common-what-prepare"), focus: wizard.moved() }
                    ol { class: "prepare",
                        li {
                            {lang.t("code-authentication-register-nhi-card-online")}
                            " "
                            a { href: "{site}", target: "_blank", rel: "noopener", {site.clone()} }
                        }
                        li { {lang.t("code-authentication-log-there-press-produce")} }
                        li { {lang.t("code-authentication-then-scan-website-s")} }
                    }
                    button { class: "button primary", r#type: "button", onclick: move |_| wizard.go(Step::Code),
                        {lang.t("code-authentication-i-have-code")}
                    }
                }
            } else {
                form {
                    class: "card form",
                    novalidate: true,
                    onsubmit: move |e: FormEvent| {
                        e.prevent_default();
                        bind.call(code());
                    },
                    StepHeading { text: lang.t("code-authentication-type-scan-code"), focus: wizard.moved() }
                    ImagePicker {
                        label: lang.t("code-authentication-scan-qr-code-camera"),
                        camera: Camera::Back,
                        on_pick: scanned,
                        on_error: move |text: String| error.set(Some(text)),
                    }
                    label { r#for: "device-code", {lang.t("code-authentication-type-code-upper-lower")} }
                    input {
                        id: "device-code",
                        class: "code-input",
                        maxlength: "8",
                        autocomplete: "one-time-code",
                        autocapitalize: "off",
                        spellcheck: "false",
                        value: "{code}",
                        oninput: move |e| code.set(e.value()),
                    }
                    if let Some(text) = error() {
                        p { class: "error", role: "alert", {text} }
                    }
                    button { class: "button primary", r#type: "submit", disabled: busy(),
                        if busy() {
                            span { class: "spinner", aria_hidden: "true" }
                            {lang.t("common-binding")}
                        } else {
                            {lang.t("common-finish")}
                        }
                    }
                    BackStep { previous: Route::CodeAuthentication { step: Step::Prepare } }
                }
            }
        }
    }
}
