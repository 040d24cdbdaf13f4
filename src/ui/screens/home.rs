//! The home screen, laid out like NHI Express: a greeting and the service tiles.

use dioxus::prelude::*;

use crate::app::display;
use crate::domain::Lang;
use crate::ui::widgets::icons;
use crate::ui::{Route, UiState};

#[component]
pub fn Home() -> Element {
    let state = use_context::<UiState>();
    let lang = state.lang();
    let session = state.session.read().clone();
    let me = if session.is_some() {
        Route::Account {}
    } else {
        Route::Login {}
    };

    let greeting = match &session {
        Some(s) => rsx! {
            section { class: "greeting signed-in",
                h1 { {format!("{}{}", s.person.name, lang.pick("，您好", ", welcome"))} }
                p {
                    {lang.pick("登入有效至 ", "Signed in until ")}
                    time { datetime: s.expires_at.to_rfc3339(), {display::local_time(s.expires_at)} }
                    {
                        let left = display::minutes_left(s.remaining((state.now)()), lang);
                        match lang {
                            Lang::ZhTw => format!("（剩餘 {left}）"),
                            Lang::En => format!(" ({left} left)"),
                        }
                    }
                }
            }
        },
        None => rsx! {
            section { class: "greeting",
                h1 { {lang.pick("歡迎使用全民健保行動快易通", "Welcome to NHI Express")} }
                p { {lang.pick("登入後即可使用虛擬健保卡與健康存摺。", "Sign in to use your Virtual NHI Card and My Health Bank.")} }
                Link { class: "button primary", to: Route::Login {}, {lang.pick("登入", "Sign in")} }
            }
        },
    };

    rsx! {
        {greeting}
        nav { class: "tiles", aria_label: lang.pick("服務", "Services"),
            Link { class: "tile", to: Route::VirtualCard {},
                icons::Card {}
                strong { {lang.pick("虛擬健保卡", "Virtual NHI Card")} }
                small { {lang.pick("就醫出示 QR 碼", "Show a QR code at the clinic")} }
            }
            Link { class: "tile", to: Route::HealthBank {},
                icons::Book {}
                strong { {lang.pick("健康存摺", "My Health Bank")} }
                small { {lang.pick("就醫、用藥與檢驗紀錄", "Visits, medicines, lab results")} }
            }
            Link { class: "tile", to: Route::Authorizations {},
                icons::Family {}
                strong { {lang.pick("授權管理", "Family authorizations")} }
                small { {lang.pick("家人代為出示健保卡", "Family show your card for you")} }
            }
            Link { class: "tile", to: Route::Institutions {},
                icons::Clinic {}
                strong { {lang.pick("可使用的院所", "Clinics")} }
                small { {lang.pick("哪裡接受虛擬健保卡", "Where the virtual card works")} }
            }
            Link { class: "tile", to: Route::DeviceAuthentication {},
                icons::Phone {}
                strong { {lang.pick("裝置認證", "Device authentication")} }
                small { {lang.pick("綁定這支手機", "Bind this device")} }
            }
            Link { class: "tile", to: me,
                icons::Person {}
                strong {
                    if session.is_some() { {lang.pick("我的", "My account")} } else { {lang.pick("登入", "Sign in")} }
                }
                small { {lang.pick("帳號與登入狀態", "Account and sign-in")} }
            }
        }
    }
}
