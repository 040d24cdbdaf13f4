//! The Dioxus UI: screens and widgets only. Rules live in `domain`, flows in `app`.
//!
//! Laid out like Dioxus's own app demos: a [`Route`] enum with a `#[layout]`, one
//! component per file: `screens/` (one per route), `widgets/` (what screens share), and
//! `hooks` (loading for the signed-in person, the busy/error state of an action).

mod hooks;
mod route;
mod screens;
mod state;
pub mod widgets;

pub use route::{Route, Tab};
pub use state::UiState;

use dioxus::prelude::*;

use nhi_client::app::{AppSetup, Services};
use nhi_core::i18n::{catalogue, Lang};

/// The stylesheet, compiled in so every build (desktop, web, tests) has it without an
/// asset pipeline.
const STYLE: &str = include_str!("style.css");

/// The system's (or the browser's) language, handed over by the launcher: the first start
/// speaks it when the app does. Without one (component tests), zh-TW.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SystemLang(pub Option<Lang>);

/// The root component. Expects an [`AppSetup`] in the root context.
#[component]
pub fn App() -> Element {
    let system = try_consume_context::<SystemLang>().unwrap_or_default().0;
    let first =
        move |services: &Services| services.flows.saved_lang().or(system).unwrap_or_default();
    // The setup may change once: a failed start that is retried successfully.
    let launched = use_context::<AppSetup>();
    let mut current = use_signal(move || launched);
    let setup = current();
    // The language chosen on this device (else the system's), before anything is painted.
    let wanted = match &setup {
        AppSetup::Ready(services) => first(services),
        AppSetup::Failed { .. } => system.unwrap_or_default(),
    };
    // A web build whose page could not fetch that language's words beside the wasm speaks
    // zh-TW — and says so to the picker and to screen readers — while it tries once more.
    let starting = speakable(wanted);
    let mut state = use_context_provider(|| match &setup {
        AppSetup::Ready(services) => UiState::new(
            starting,
            services.flows.restore().ok().flatten(),
            services.flows.clock().now(),
        ),
        AppSetup::Failed { .. } => UiState::new(starting, None, chrono::Utc::now()),
    });
    use_hook(move || {
        if !catalogue::has(wanted) {
            spawn(async move {
                if nhi_client::platform::catalogues::ensure(wanted).await {
                    state.lang_signal.set(wanted);
                }
            });
        }
    });
    let lang = state.lang();
    // Where keystrokes reach the app over a channel (desktop, phones), a write-back answering
    // an older keystroke must not overwrite newer ones.
    #[cfg(any(feature = "desktop", feature = "mobile"))]
    use_hook(|| {
        document::eval(include_str!("typing_guard.js"));
    });
    // The page's own language follows (screen readers and fonts read `<html lang>`).
    use_effect(move || {
        let tag = state.lang().tag();
        document::eval(&format!("document.documentElement.lang = '{tag}';"));
    });
    let body = match setup {
        AppSetup::Ready(services) => rsx! { Ready { services } },
        failed => {
            // No language setting can be read without the store: the system's language,
            // and English beside it for whoever helps.
            let retry = failed.retry();
            let mut langs = vec![lang];
            if lang != Lang::En && catalogue::has(Lang::En) {
                langs.push(Lang::En);
            }
            rsx! {
                main { class: "startup-failure", role: "alert",
                    for l in langs {
                        h1 { lang: l.tag(), {l.t("setup-cannot-start")} }
                        p { lang: l.tag(), {failed.failure_message(l).unwrap_or_default()} }
                    }
                    if let Some(detail) = failed.detail() {
                        p { class: "hint technical", lang: "en", {format!("({detail})")} }
                    }
                    if let Some(retry) = retry {
                        button { class: "button primary", r#type: "button",
                            onclick: move |_| {
                                let again = retry();
                                if let AppSetup::Ready(services) = &again {
                                    let mut state = state;
                                    state.lang_signal.set(speakable(first(services)));
                                    state.session.set(services.flows.restore().ok().flatten());
                                }
                                current.set(again);
                            },
                            {lang.t("setup-retry")}
                        }
                    }
                }
            }
        }
    };
    rsx! {
        style { {STYLE} }
        div { class: "app", lang: lang.tag(), {body} }
    }
}

/// `lang` when the app has its words now, else zh-TW (a web build's language not fetched).
fn speakable(lang: Lang) -> Lang {
    if catalogue::has(lang) {
        lang
    } else {
        Lang::default()
    }
}

#[component]
fn Ready(services: Services) -> Element {
    use_context_provider(|| services.clone());
    rsx! { Router::<Route> {} }
}
