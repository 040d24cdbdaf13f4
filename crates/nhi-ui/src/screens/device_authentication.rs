//! 裝置認證: choose how to bind this device — 行動電話認證 or 裝置碼認證, each with 說明
//! beside 開始認證, as the manual's choice screen shows them.

use dioxus::prelude::*;

use crate::widgets::icons;
use crate::{Route, UiState};
use nhi_client::app::wizard::{CodeStep, PhoneStep};

#[component]
pub fn DeviceAuthentication() -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        section { class: "device-auth",
            h1 { {lang.t("common-device-authentication")} }
            p {
                {lang.t("device-authentication-before-using-virtual-nhi")}
            }
            nav { class: "choices",
                for (to, icon, name, hint, help) in [
                    (
                        Route::PhoneAuthentication { step: PhoneStep::default() },
                        rsx! { icons::Phone {} },
                        "device-authentication-mobile-number",
                        "device-authentication-monthly-contract-number-own",
                        "device-authentication-phone-help",
                    ),
                    (
                        Route::CodeAuthentication { step: CodeStep::default() },
                        rsx! { icons::Card {} },
                        "device-authentication-mobile-device-code",
                        "device-authentication-produce-code-registration-website",
                        "device-authentication-code-help",
                    ),
                ] {
                    // As the manual's choice screen: each way with 說明 beside 開始認證.
                    div { key: "{name}", class: "tile wide choice",
                        {icon}
                        h2 { {lang.t(name)} }
                        small { {lang.t(hint)} }
                        details { class: "help",
                            summary { aria_label: format!("{} {}", lang.t("device-authentication-help"), lang.t(name)), {lang.t("device-authentication-help")} }
                            p { {lang.t(help)} }
                        }
                        Link { class: "button primary", to,
                            aria_label: format!("{} {}", lang.t("device-authentication-start"), lang.t(name)),
                            {lang.t("device-authentication-start")}
                        }
                    }
                }
            }
        }
    }
}
