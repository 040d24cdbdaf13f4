//! The frame around every screen: title bar with the language switch, the one-time notice,
//! the screen, and the bottom tab bar. It also warns before the session's 2 hours are up
//! (with a way to stay signed in) and ends it when they are.

use std::time::Duration;

use dioxus::prelude::*;

use crate::widgets::icons;
use crate::widgets::NoticeBar;
use crate::widgets::SessionExpiryWarning;
use crate::{Route, Tab, UiState};
use nhi_client::app::session::RENEW_WARNING;
use nhi_client::app::Services;
use nhi_client::platform::catalogues;
use nhi_client::platform::time::sleep;
use nhi_core::i18n::{catalogue, Lang, Msg};

/// How often the shell looks at the session's expiry (and refreshes "time left").
const EXPIRY_CHECK: Duration = Duration::from_secs(30);

#[component]
pub fn Shell() -> Element {
    let mut state = use_context::<UiState>();
    let services = use_context::<Services>();
    let services_for_lang = services.clone();
    let nav = navigator();
    let routes = router();
    let lang = state.lang();

    use_future(move || {
        let services = services.clone();
        async move {
            loop {
                let now = services.flows.clock().now();
                state.now.set(now);
                let current = state.session.peek().clone();
                let mut wait = EXPIRY_CHECK;
                if let Some(session) = current {
                    let left = session.remaining(now);
                    if left.is_zero() {
                        let _ = services.flows.drop_session();
                        state.session.set(None);
                        state.notify("common-session-ended");
                        // Signing in again comes back to the screen the person was on.
                        nav.push(Route::sign_in_then(&routes.current::<Route>()));
                    } else {
                        // Wake for the warning and for the end, whichever comes first.
                        let next = if left > RENEW_WARNING {
                            left - RENEW_WARNING
                        } else {
                            left
                        };
                        wait = wait.min(next.to_std().unwrap_or(wait));
                    }
                }
                sleep(wait).await;
            }
        }
    });

    let route = use_route::<Route>();
    let signed_in = state.session.read().is_some();
    let me_route = if signed_in {
        Route::Account {}
    } else {
        Route::sign_in_then(&route)
    };
    let title = format!("{} – {}", route.title(lang), lang.t("shell-nhi-express"));
    // The desktop window's title names the screen too (testers and screen readers see it).
    #[cfg(feature = "desktop")]
    {
        let title = title.clone();
        use_effect(use_reactive!(|title| {
            if let Some(window) = try_consume_context::<dioxus::desktop::DesktopContext>() {
                window.set_title(&title);
            }
        }));
    }

    // A new screen: its heading takes the keyboard focus (a screen reader reads where the
    // person is; Tab goes on from there) — unless something on the screen already has it, as
    // a wizard's step heading or a field does. The path only: a query change is the same screen.
    let path = route.path();
    // Not on first opening: there the page's own start is the right place (and a heading
    // focused by script would be drawn with the keyboard's focus ring).
    let mut opened = use_signal(|| false);
    use_effect(use_reactive!(|path| {
        let _ = path;
        if *opened.peek() {
            document::eval(FOCUS_HEADING);
        } else {
            opened.set(true);
        }
    }));

    rsx! {
        document::Title { "{title}" }
        header { class: "title-bar",
            Link { class: "brand", to: Route::Home {},
                span { class: "brand-mark", aria_hidden: "true", "健" }
                span { {lang.t("shell-nhi-express")} }
            }
            // Each language offered by its own name, so a reader of it finds it whatever the
            // screen shows now; the picker's name is in the current language.
            select {
                class: "lang-switch",
                aria_label: lang.t("shell-language"),
                title: lang.t("shell-language"),
                onchange: {
                    let services = services_for_lang.clone();
                    move |e: FormEvent| {
                        let Some(next) = Lang::from_tag(&e.value()) else {
                            return;
                        };
                        let services = services.clone();
                        let mut switch = move || {
                            state.lang_signal.set(next);
                            if let Err(error) = services.flows.save_lang(next) {
                                tracing::warn!(%error, "the language choice could not be kept");
                            }
                        };
                        // The web build fetches a language's words the first time it is
                        // picked; offline, the app stays in the language it speaks.
                        if catalogue::has(next) {
                            switch();
                        } else {
                            spawn(async move {
                                let mut switch = switch;
                                if catalogues::ensure(next).await {
                                    switch();
                                } else {
                                    // The picker goes back to the language still spoken.
                                    let spoken = state.lang().code();
                                    document::eval(&format!(
                                        "document.querySelector('select.lang-switch').value = '{spoken}';"
                                    ));
                                    state.notify(Msg::new("shell-language-unavailable"));
                                }
                            });
                        }
                    }
                },
                for option in Lang::ALL {
                    option { value: option.code(), lang: option.tag(), selected: option == lang,
                        {option.own_name()}
                    }
                }
            }
        }
        NoticeBar {}
        SessionExpiryWarning {}
        main { class: "screen", Outlet::<Route> {} }
        nav { class: "tab-bar", aria_label: lang.t("shell-main-menu"),
            for (tab, to, label) in [
                // Short words, one line in every language: the tab bar is on every screen and
                // must leave a small phone the room for the QR and its Update.
                (Tab::Home, Route::Home {}, "tab-home"),
                (Tab::HealthBank, Route::HealthBank {}, "tab-health-bank"),
                (Tab::Services, Route::Services {}, "tab-counter"),
                (Tab::Card, Route::VirtualCard {}, "tab-card"),
                (Tab::Me, me_route.clone(), "shell-me-tab"),
            ] {
                Link {
                    key: "{label}",
                    class: if route.tab() == tab { "tab active" } else { "tab" },
                    aria_current: (route.tab() == tab).then_some("page"),
                    to,
                    match tab {
                        Tab::Home => rsx! { icons::Home {} },
                        Tab::HealthBank => rsx! { icons::Book {} },
                        Tab::Services => rsx! { icons::Clinic {} },
                        Tab::Card => rsx! { icons::Card {} },
                        Tab::Me => rsx! { icons::Person {} },
                    }
                    span { {lang.t(label)} }
                }
            }
        }
    }
}

/// Moves the focus to the screen's first heading once it is drawn, when nothing on the screen
/// has it (the tab bar's link that was pressed, or the page itself, does not count).
const FOCUS_HEADING: &str = r#"
setTimeout(() => {
  const main = document.querySelector('main.screen');
  const active = document.activeElement;
  if (!main || (active && active !== document.body && main.contains(active))) return;
  const heading = main.querySelector('h1');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}, 0);
"#;
