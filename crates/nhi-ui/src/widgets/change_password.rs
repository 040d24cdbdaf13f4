//! Changing the registration password from 我的: the current password, then the new one
//! twice with the strength meter. This sign-in stays; the server ends every other one.

use dioxus::prelude::*;

use crate::hooks::use_busy_action;
use crate::widgets::NewPassword;
use crate::UiState;
use nhi_client::app::{PasswordForm, Services, Session};

#[component]
pub fn ChangePassword(session: Session) -> Element {
    let mut state = use_context::<UiState>();
    let services = use_context::<Services>();
    let lang = state.lang();
    let mut open = use_signal(|| false);
    let mut current = use_signal(String::new);
    let mut form = use_signal(PasswordForm::default);
    let action = use_busy_action::<String>();
    let busy = action.busy;

    if !open() {
        return rsx! {
            button {
                class: "button secondary",
                r#type: "button",
                title: lang.t("account-change-password-hint"),
                onclick: move |_| open.set(true),
                {lang.t("account-change-password")}
            }
        };
    }

    let submit = move |e: FormEvent| {
        e.prevent_default();
        let flows = services.flows.clone();
        let session = session.clone();
        action.run(async move {
            let typed = current.peek().clone();
            let new = form.peek().clone();
            flows
                .change_password(&session, &typed, &new)
                .await
                .map_err(|e| e.user_message(state.lang()))?;
            // Nothing typed stays behind once it is done.
            current.set(String::new());
            form.set(PasswordForm::default());
            open.set(false);
            state.notify("account-password-changed");
            Ok(())
        });
    };

    rsx! {
        form { class: "card change-password", onsubmit: submit,
            h2 { {lang.t("account-change-password")} }
            label { r#for: "current-password", {lang.t("account-current-password")} }
            input {
                id: "current-password",
                r#type: "password",
                autocomplete: "current-password",
                value: "{current}",
                oninput: move |e| current.set(e.value()),
            }
            NewPassword { form }
            if let Some(error) = action.error.read().clone() {
                p { class: "error", role: "alert", {error} }
            }
            div { class: "actions",
                button {
                    class: "button primary",
                    r#type: "submit",
                    disabled: busy(),
                    if busy() { {lang.t("account-changing-password")} } else { {lang.t("account-save-password")} }
                }
                button {
                    class: "button secondary",
                    r#type: "button",
                    disabled: busy(),
                    onclick: move |_| {
                        current.set(String::new());
                        form.set(PasswordForm::default());
                        open.set(false);
                    },
                    {lang.t("account-change-password-cancel")}
                }
            }
        }
    }
}
