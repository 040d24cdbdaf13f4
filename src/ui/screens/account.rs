//! "My": who is signed in, until when, and signing out.

use dioxus::prelude::*;

use crate::app::{display, Services};
use crate::domain::Lang;
use crate::ui::hooks::use_action;
use crate::ui::{Route, UiState};

#[component]
pub fn Account() -> Element {
    let mut state = use_context::<UiState>();
    let services = use_context::<Services>();
    let nav = navigator();
    let lang = state.lang();
    // Signing out cannot fail on this device: only whether the server heard differs.
    let action = use_action::<std::convert::Infallible>();
    let busy = action.busy;

    let Some(session) = state.session.read().clone() else {
        return rsx! {
            section { class: "account",
                h1 { {lang.pick("我的", "My account")} }
                p { {lang.pick("您尚未登入。", "You are not signed in.")} }
                Link { class: "button primary", to: Route::Login {}, {lang.pick("登入", "Sign in")} }
            }
        };
    };

    let person = session.person.clone();
    let expires_at = session.expires_at;
    let left = display::minutes_left(session.remaining((state.now)()), lang);
    let auth = services.flows.clone();
    let logout = move |_| {
        let auth = auth.clone();
        let session = session.clone();
        action.run(async move {
            let result = auth.logout(&session).await;
            state.session.set(None);
            match result {
                Ok(()) => state.notify("您已登出。", "You are signed out."),
                Err(_) => state.notify(
                    "已在本裝置登出，但暫時無法通知伺服器；該登入將於到期時自動失效。",
                    "Signed out on this device, but the server could not be told; that sign-in ends by itself when it expires.",
                ),
            }
            nav.replace(Route::Home {});
            Ok(())
        });
    };

    rsx! {
        section { class: "account",
            h1 { {lang.pick("我的", "My account")} }
            dl { class: "card facts",
                dt { {lang.pick("姓名", "Name")} }
                dd { class: "person-name", {person.name.clone()} }
                dt { {display::id_kind(person.id_kind, lang)} }
                dd { {person.id_number.masked()} }
                dt { {lang.pick("出生日期", "Date of birth")} }
                dd { {display::birth_date(person.birth_date, lang)} }
                dt { {lang.pick("登入有效至", "Signed in until")} }
                dd {
                    time { datetime: expires_at.to_rfc3339(), {display::local_time(expires_at)} }
                    {
                        match lang {
                            Lang::ZhTw => format!("（剩餘 {left}）"),
                            Lang::En => format!(" ({left} left)"),
                        }
                    }
                }
            }
            button {
                class: "button secondary",
                r#type: "button",
                title: lang.pick("登出本裝置並結束這次登入", "Sign out here and end this sign-in"),
                disabled: busy(),
                onclick: logout,
                if busy() { {lang.pick("登出中…", "Signing out…")} } else { {lang.pick("登出", "Sign out")} }
            }
            p { class: "hint",
                {format!("{} {}", lang.pick("登入資料保存於：", "Sign-in kept in:"), services.flows.store_name(lang))}
                br {}
                {format!("{} {}", lang.pick("伺服器：", "Server:"), services.backend_url)}
            }
        }
    }
}
