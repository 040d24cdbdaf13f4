//! 裝置認證: choose how to bind this device.

use dioxus::prelude::*;

use crate::app::wizard::{CodeStep, PhoneStep};
use crate::ui::widgets::icons;
use crate::ui::{Route, UiState};

#[component]
pub fn DeviceAuthentication() -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        section { class: "device-auth",
            h1 { {lang.pick("裝置認證", "Device authentication")} }
            p {
                {lang.pick(
                    "使用虛擬健保卡前，須先將這個裝置綁定您的身分。請選擇認證方式：",
                    "Before using the Virtual NHI Card, bind this device to you. Choose how:",
                )}
            }
            nav { class: "choices",
                Link { class: "tile wide", to: Route::PhoneAuthentication { step: PhoneStep::default() },
                    icons::Phone {}
                    strong { {lang.pick("行動電話認證", "Mobile number")} }
                    small { {lang.pick("本人名下月租型門號", "A monthly-contract number in your own name")} }
                }
                Link { class: "tile wide", to: Route::CodeAuthentication { step: CodeStep::default() },
                    icons::Card {}
                    strong { {lang.pick("裝置碼認證", "Mobile device code")} }
                    small { {lang.pick("先在健保卡網路服務註冊網站產生驗證碼", "Produce a code on the registration website first")} }
                }
            }
        }
    }
}
