//! The Dioxus UI: screens and widgets only. Rules live in `domain`, flows in `app`.
//!
//! Laid out like Dioxus's own app demos: a [`Route`] enum with a `#[layout]`, one
//! component per file under `components/`.

mod components;
mod hooks;
mod route;
mod state;
pub mod widgets;

pub use route::Route;
pub use state::UiState;

use dioxus::prelude::*;

use crate::app::{AppSetup, Services};
use crate::domain::Lang;

/// The stylesheet, compiled in so every build (desktop, web, tests) has it without an
/// asset pipeline.
const STYLE: &str = include_str!("style.css");

/// The root component. Expects an [`AppSetup`] in the root context.
#[component]
pub fn App() -> Element {
    let setup = use_context::<AppSetup>();
    let state = use_context_provider(|| match &setup {
        // The language chosen on this device, before anything is painted.
        AppSetup::Ready(services) => UiState::new(
            services.auth.saved_lang().unwrap_or_default(),
            services.auth.restore().ok().flatten(),
            services.auth.clock().now(),
        ),
        AppSetup::Failed { .. } => UiState::new(Lang::default(), None, chrono::Utc::now()),
    });
    let lang = state.lang();
    // The page's own language follows (screen readers and fonts read `<html lang>`).
    use_effect(move || {
        let tag = state.lang().tag();
        document::eval(&format!("document.documentElement.lang = '{tag}';"));
    });
    let body = match setup {
        AppSetup::Ready(services) => rsx! { Ready { services } },
        failed => rsx! {
            main { class: "startup-failure", role: "alert",
                h1 { {lang.pick("無法啟動", "The app cannot start")} }
                p { {failed.failure_message(lang).unwrap_or_default().to_owned()} }
            }
        },
    };
    rsx! {
        style { {STYLE} }
        div { class: "app", lang: lang.tag(), {body} }
    }
}

#[component]
fn Ready(services: Services) -> Element {
    use_context_provider(|| services.clone());
    rsx! { Router::<Route> {} }
}

impl PartialEq for Services {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.auth, &other.auth)
    }
}
