//! 健保櫃檯: the card's and the device's services in one place, as the manuals' tab bar has
//! it — apply and the application's status, the institutions that accept the card, device
//! authentication and authorizations.

use dioxus::prelude::*;

use crate::widgets::{icons, ServiceTile};
use crate::{Route, UiState};
use nhi_client::app::wizard::ApplyStep;

#[component]
pub fn Services() -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        section { class: "services",
            h1 { {lang.t("common-nhi-counter")} }
            nav { class: "tiles", aria_label: lang.t("common-nhi-counter"),
                ServiceTile { to: Route::CardApplication { step: ApplyStep::default() }, icon: rsx! { icons::Card {} },
                    title: lang.t("common-apply-virtual-nhi-card"), hint: lang.t("services-apply-hint"), needs_sign_in: true }
                ServiceTile { to: Route::ApplicationRecords {}, icon: rsx! { icons::Book {} },
                    title: lang.t("services-application-status"), hint: lang.t("services-application-status-hint"), needs_sign_in: true }
                ServiceTile { to: Route::Institutions {}, icon: rsx! { icons::Clinic {} },
                    title: lang.t("home-clinics"), hint: lang.t("home-where-virtual-card-works") }
                ServiceTile { to: Route::DeviceAuthentication {}, icon: rsx! { icons::Phone {} },
                    title: lang.t("common-device-authentication"), hint: lang.t("home-bind-device") }
                ServiceTile { to: Route::Authorizations {}, icon: rsx! { icons::Family {} },
                    title: lang.t("home-family-authorizations"), hint: lang.t("home-family-show-card"), needs_sign_in: true }
            }
        }
    }
}
