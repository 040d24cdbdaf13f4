//! 裝置認證: choose how to bind this device.

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
                Link { class: "tile wide", to: Route::PhoneAuthentication { step: PhoneStep::default() },
                    icons::Phone {}
                    strong { {lang.t("device-authentication-mobile-number")} }
                    small { {lang.t("device-authentication-monthly-contract-number-own")} }
                }
                Link { class: "tile wide", to: Route::CodeAuthentication { step: CodeStep::default() },
                    icons::Card {}
                    strong { {lang.t("device-authentication-mobile-device-code")} }
                    small { {lang.t("device-authentication-produce-code-registration-website")} }
                }
            }
        }
    }
}
