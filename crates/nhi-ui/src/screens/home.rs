//! The home screen, laid out like NHI Express: a greeting and the service tiles.

use dioxus::prelude::*;

use crate::hooks::use_video_visits;
use crate::widgets::{icons, Announcements, ServiceTile};
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
        Announcements {}
        nav { class: "tiles", aria_label: lang.t("home-services"),
            ServiceTile { to: Route::VirtualCard {}, icon: rsx! { icons::Card {} },
                title: lang.t("common-virtual-nhi-card"), hint: lang.t("home-show-qr-code-clinic"), needs_sign_in: true,
                // A clinic asks for the card for a video visit: say so on the tile.
                if waiting > 0 {
                    span { class: "badge", role: "status",
                        {nhi_core::tr!(lang, "home-video-visits-waiting", n = waiting)}
                    }
                }
            }
            ServiceTile { to: Route::HealthBank {}, icon: rsx! { icons::Book {} },
                title: lang.t("common-my-health-bank"), hint: lang.t("home-visits-medicines-lab-results"), needs_sign_in: true }
            ServiceTile { to: Route::Services {}, icon: rsx! { icons::Clinic {} },
                title: lang.t("common-nhi-counter"), hint: lang.t("home-counter-hint") }
            ServiceTile { to: Route::Authorizations {}, icon: rsx! { icons::Family {} },
                title: lang.t("home-family-authorizations"), hint: lang.t("home-family-show-card"), needs_sign_in: true }
            ServiceTile { to: Route::Institutions {}, icon: rsx! { icons::Clinic {} },
                title: lang.t("home-clinics"), hint: lang.t("home-where-virtual-card-works") }
            ServiceTile { to: Route::DeviceAuthentication {}, icon: rsx! { icons::Phone {} },
                title: lang.t("common-device-authentication"), hint: lang.t("home-bind-device") }
        }
    }
}
