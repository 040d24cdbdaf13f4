//! The NHIA's service hotline, as the manuals give it (健康存摺操作說明: 諮詢專線 0800-030-598),
//! a tap away on a phone.

use dioxus::prelude::*;

use crate::UiState;

/// The number as written, and as dialled.
const HOTLINE: (&str, &str) = ("0800-030-598", "tel:0800030598");

#[component]
pub fn Hotline() -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        p { class: "hotline",
            {lang.t("hotline-label")}
            " "
            a { href: HOTLINE.1, {HOTLINE.0} }
        }
    }
}
