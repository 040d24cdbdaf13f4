//! The home screen, laid out like NHI Express: a greeting and the service tiles.

use dioxus::prelude::*;

use crate::hooks::use_video_visits;
use crate::widgets::icons;
use crate::{Route, UiState};
use nhi_client::app::display;
use nhi_client::app::video_visit::pending;

#[component]
pub fn Home() -> Element {
    let state = use_context::<UiState>();
    let lang = state.lang();
    let session = state.session.read().clone();
    let (video_visits, _) = use_video_visits();
    let waiting = pending(&video_visits.read());
    let me = if session.is_some() {
        Route::Account {}
    } else {
        Route::Login { next: Vec::new() }
    };

    let greeting = match &session {
        Some(s) => rsx! {
            section { class: "greeting signed-in",
                h1 { {nhi_core::tr!(lang, "home-welcome-name", name = s.person.name.as_str())} }
                p {
                    {nhi_core::tr!(lang, "home-signed-in-until",
                        time = display::local_time(s.expires_at),
                        left = display::minutes_left(s.remaining((state.now)()), lang))}
                }
            }
        },
        None => rsx! {
            section { class: "greeting",
                h1 { {lang.t("home-welcome-nhi-express")} }
                p { {lang.t("home-sign-use-virtual-nhi")} }
                Link { class: "button primary", to: Route::Login { next: Vec::new() }, {lang.t("common-sign-in")} }
            }
        },
    };

    rsx! {
        {greeting}
        nav { class: "tiles", aria_label: lang.t("home-services"),
            Link { class: "tile", to: Route::VirtualCard {},
                icons::Card {}
                strong { {lang.t("common-virtual-nhi-card")} }
                small { {lang.t("home-show-qr-code-clinic")} }
                // A clinic asks for the card for a video visit: say so on the tile.
                if waiting > 0 {
                    span { class: "badge", role: "status",
                        {nhi_core::tr!(lang, "home-video-visits-waiting", n = waiting)}
                    }
                }
            }
            Link { class: "tile", to: Route::HealthBank {},
                icons::Book {}
                strong { {lang.t("common-my-health-bank")} }
                small { {lang.t("home-visits-medicines-lab-results")} }
            }
            Link { class: "tile", to: Route::Authorizations {},
                icons::Family {}
                strong { {lang.t("home-family-authorizations")} }
                small { {lang.t("home-family-show-card")} }
            }
            Link { class: "tile", to: Route::Institutions {},
                icons::Clinic {}
                strong { {lang.t("home-clinics")} }
                small { {lang.t("home-where-virtual-card-works")} }
            }
            Link { class: "tile", to: Route::DeviceAuthentication {},
                icons::Phone {}
                strong { {lang.t("common-device-authentication")} }
                small { {lang.t("home-bind-device")} }
            }
            Link { class: "tile", to: me,
                icons::Person {}
                strong {
                    if session.is_some() { {lang.t("common-my-account")} } else { {lang.t("common-sign-in")} }
                }
                small { {lang.t("home-account-and-sign-in")} }
            }
        }
    }
}
