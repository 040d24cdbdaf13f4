//! The virtual card as it looks: name, ID number, birth date (ROC calendar in zh-TW), and the
//! photo — or, while the photo is under review, the notice that an ID document is needed.

use dioxus::prelude::*;

use crate::api::Person;
use crate::app::display;
use crate::ui::UiState;

#[component]
pub fn CardFace(person: Person, photo: Option<String>) -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        div { class: "card-face", role: "group", aria_label: lang.pick("虛擬健保卡", "Virtual NHI Card"),
            div { class: "card-face-head",
                span { class: "brand-mark", aria_hidden: "true", "健" }
                span { {lang.pick("全民健康保險 虛擬健保卡", "National Health Insurance · Virtual card")} }
            }
            div { class: "card-face-body",
                div { class: "card-photo",
                    match photo {
                        Some(src) => rsx! { img { src: "{src}", alt: lang.pick("持卡人照片", "Card holder's photo") } },
                        None => rsx! {
                            p { class: "photo-less",
                                {lang.pick("無照片（審核中）就醫時請出示身分證明文件", "No photo yet (under review): show an ID document at the clinic")}
                            }
                        },
                    }
                }
                dl {
                    dt { {lang.pick("姓名", "Name")} }
                    dd { class: "person-name", {person.name.clone()} }
                    dt { {lang.pick("身分證號", "ID number")} }
                    dd { {person.id_number.to_string()} }
                    dt { {lang.pick("出生日期", "Date of birth")} }
                    dd { {display::birth_date(person.birth_date, lang)} }
                }
            }
        }
    }
}
