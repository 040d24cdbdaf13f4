//! Setting a registration password: the field, its confirmation, eye toggles and the
//! strength meter (weak / medium / medium-strong / strong).

use dioxus::prelude::*;

use crate::UiState;
use nhi_client::app::PasswordForm;
use nhi_core::domain::password::MAX_LEN;

#[component]
pub fn NewPassword(form: Signal<PasswordForm>) -> Element {
    let lang = use_context::<UiState>().lang();
    let mut shown = use_signal(|| false);
    let show = shown();
    let strength = form.read().strength();
    let level = strength.map(|s| s as u8 + 1).unwrap_or(0);
    let (typed, over) = form.read().typed_length();
    rsx! {
        label { r#for: "new-password", {lang.t("new-password-set-registration-password")} }
        p { class: "hint",
            {lang.t("new-password-6-12-letters-digits")}
        }
        div { class: "password-field",
            input {
                id: "new-password",
                r#type: if show { "text" } else { "password" },
                autocomplete: "new-password",
                // No maxlength: a 13th character cut off silently would register a password
                // other than the one the person typed. The counter and the rule say it.
                aria_describedby: "new-password-count new-password-status",
                value: "{form.read().password}",
                oninput: move |e| form.write().password = e.value(),
            }
            button {
                r#type: "button",
                class: "eye",
                aria_pressed: "{show}",
                aria_label: if show { lang.t("common-hide-password") } else { lang.t("common-show-password") },
                onclick: move |_| shown.toggle(),
                if show { crate::widgets::icons::EyeOff {} } else { crate::widgets::icons::Eye {} }
            }
        }
        div { class: "strength", "data-level": "{level}",
            meter { min: "0", max: "4", value: "{level}", aria_hidden: "true" }
            span { id: "new-password-count", class: if over { "count over" } else { "count" },
                "{typed} / {MAX_LEN}"
            }
            span { id: "new-password-status", role: "status",
                {form.read().meter_text(lang)}
            }
        }
        label { r#for: "new-password-confirm", {lang.t("new-password-password-again")} }
        input {
            id: "new-password-confirm",
            r#type: if show { "text" } else { "password" },
            autocomplete: "new-password",
            value: "{form.read().confirm}",
            oninput: move |e| form.write().confirm = e.value(),
        }
    }
}
