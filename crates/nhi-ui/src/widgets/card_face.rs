//! The virtual card as it looks: name, ID number, birth date (ROC calendar in zh-TW), and the
//! photo — or, while the photo is under review, the notice that an ID document is needed.

use dioxus::prelude::*;

use crate::UiState;
use nhi_client::app::display;
use nhi_core::api::Person;

#[component]
pub fn CardFace(person: Person, photo: Option<String>) -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        div { class: "card-face", role: "group", aria_label: lang.t("common-virtual-nhi-card"),
            div { class: "card-face-head",
                span { class: "brand-mark", aria_hidden: "true", "健" }
                span { {lang.t("card-face-national-health-insurance-virtual")} }
            }
            div { class: "card-face-body",
                div { class: "card-photo",
                    match photo {
                        Some(src) => rsx! { img { src: "{src}", alt: lang.t("card-face-holder-photo") } },
                        None => rsx! {
                            p { class: "photo-less",
                                {lang.t("card-face-no-photo-yet-under")}
                            }
                        },
                    }
                }
                dl {
                    dt { {lang.t("common-name")} }
                    dd { class: "person-name", {person.name.clone()} }
                    dt { {lang.t("common-id-number")} }
                    dd { {person.id_number.to_string()} }
                    dt { {lang.t("common-date-birth")} }
                    dd { {display::birth_date(person.birth_date, lang)} }
                }
            }
        }
    }
}
