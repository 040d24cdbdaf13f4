//! 裝置碼認證: what to prepare (register on the website, produce a code) → type the code or
//! scan its QR from a photo → bound; then log in with the website password.

use dioxus::prelude::*;

use crate::app::wizard::CodeStep as Step;
use crate::app::{DeviceAuthError, Services};
use crate::ui::hooks::use_action;
use crate::ui::widgets::{use_wizard, BackStep, Camera, ImagePicker, PickedImage, StepHeading};
use crate::ui::{Route, UiState};

#[component]
pub fn CodeAuthentication(step: Step) -> Element {
    let mut state = use_context::<UiState>();
    let services = use_context::<Services>();
    let nav = navigator();
    let lang = state.lang();
    let wizard = use_wizard(step, step, |step| Route::CodeAuthentication { step });
    let mut code = use_signal(String::new);
    let action = use_action::<String>();
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
            state.notify(
                &format!("{} 的裝置認證完成，請以註冊密碼登入。", account.name),
                &format!("This device is authenticated for {}. Now sign in with your registration password.", account.name),
            );
            nav.replace(Route::Login {});
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
            h1 { {lang.pick("裝置碼認證", "Device code authentication")} }
            if step == Step::Prepare {
                div { class: "card",
                    StepHeading { text: lang.pick("請準備", "What to prepare"), focus: wizard.moved() }
                    ol { class: "prepare",
                        li {
                            {lang.pick("以健保卡及讀卡機（或自然人憑證）到「健保卡網路服務註冊」網站註冊：", "Register on the NHI Card Online Services Registration website with your NHI card and a card reader (or a citizen digital certificate):")}
                            " "
                            a { href: "{site}", target: "_blank", rel: "noopener", {site.clone()} }
                        }
                        li { {lang.pick("登入網站，在「行動裝置認證」按「產生驗證碼」。", "Log in there and press \"Produce verification code\" under Mobile device verification.")} }
                        li { {lang.pick("在這裡掃描網站上的 QR 碼，或輸入 8 碼驗證碼。", "Then scan the website's QR code here, or type the 8-character code.")} }
                    }
                    button { class: "button primary", r#type: "button", onclick: move |_| wizard.go(Step::Code),
                        {lang.pick("我已取得驗證碼", "I have the code")}
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
                    StepHeading { text: lang.pick("輸入或掃描驗證碼", "Type or scan the code"), focus: wizard.moved() }
                    ImagePicker {
                        label: lang.pick("掃描 QR 碼（相機或圖片）", "Scan the QR code (camera or image)").to_owned(),
                        camera: Camera::Back,
                        on_pick: scanned,
                        on_error: move |text: String| error.set(Some(text)),
                    }
                    label { r#for: "device-code", {lang.pick("或輸入驗證碼（大小寫須相同）", "Or type the code (upper and lower case as shown)")} }
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
                            {lang.pick("認證中…", "Binding…")}
                        } else {
                            {lang.pick("完成認證", "Finish")}
                        }
                    }
                    BackStep { previous: Route::CodeAuthentication { step: Step::Prepare } }
                }
            }
        }
    }
}
