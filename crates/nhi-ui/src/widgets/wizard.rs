//! What every wizard step shares: moving between steps through the address, a heading that
//! takes the focus when the step changes (so a screen reader reads the new step, and Tab
//! continues from there rather than from the top of the page), and a "Back" that keeps what
//! was typed.

use dioxus::prelude::*;
use dioxus::router::Navigator;

use crate::{Route, UiState};

/// A wizard's way between its steps; `moved()` once the person went from one step to
/// another here (the new step's heading then takes the focus).
pub struct Wizard<S: 'static> {
    moved: Signal<bool>,
    nav: Navigator,
    route: fn(S) -> Route,
    /// The step on screen.
    shown: S,
}

impl<S: Copy> Clone for Wizard<S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S: Copy> Copy for Wizard<S> {}

impl<S: Copy + 'static> Wizard<S> {
    /// On to `to` (a new history entry, so the browser's back returns here).
    pub fn go(mut self, to: S) {
        self.moved.set(true);
        let to = (self.route)(to);
        remember_step_below(&to, &(self.route)(self.shown));
        self.nav.push(to);
    }

    pub fn moved(&self) -> bool {
        (self.moved)()
    }
}

/// The wizard at the step the address `asked` for, showing `shown` (the step its input
/// allows, see `app::wizard`): when they differ, the address is corrected to `shown`. After a
/// reload at a later step that fell back to the one this wizard left it from, that is the
/// history's entry just behind: the wizard steps back onto it rather than writing a second
/// copy of it over the later step (which would leave a Back that seems to do nothing).
pub fn use_wizard<S: Copy + PartialEq + 'static>(
    asked: S,
    shown: S,
    route: fn(S) -> Route,
) -> Wizard<S> {
    let nav = navigator();
    let moved = use_signal(|| false);
    let correction = (shown != asked).then(|| (route(asked), route(shown)));
    use_effect(use_reactive!(|correction| {
        if let Some((asked, to)) = correction {
            spawn(async move {
                if step_below(&asked).await.as_deref() == Some(to.to_string().as_str()) {
                    nav.go_back();
                } else {
                    nav.replace(to);
                }
            });
        }
    }));
    Wizard {
        moved,
        nav,
        route,
        shown,
    }
}

/// Which step the wizard pushed a step's history entry from: kept in the tab's session
/// storage, which outlives a reload and nothing else (where there is no page, nothing is
/// kept and a correction replaces the address).
const STEP_BELOW_KEY: &str = "nhi-express:wizard-step-below:";

fn remember_step_below(above: &Route, below: &Route) {
    let (key, below) = (
        js_text(&format!("{STEP_BELOW_KEY}{above}")),
        js_text(&below.to_string()),
    );
    document::eval(&format!(
        "try {{ sessionStorage.setItem({key}, {below}); }} catch (_) {{}}"
    ));
}

async fn step_below(above: &Route) -> Option<String> {
    let key = js_text(&format!("{STEP_BELOW_KEY}{above}"));
    document::eval(&format!(
        "try {{ return sessionStorage.getItem({key}); }} catch (_) {{ return null; }}"
    ))
    .join::<Option<String>>()
    .await
    .ok()
    .flatten()
}

/// A JavaScript string literal of `text` (JSON's is one).
fn js_text(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}
/// The step's heading. `focus`: the person moved here from another step (not on first
/// opening, where the page's own start is the right place).
#[component]
pub fn StepHeading(text: String, focus: bool) -> Element {
    rsx! {
        h2 { class: "step-heading", tabindex: "-1",
            onmounted: move |e: MountedEvent| async move {
                if focus {
                    let _ = e.set_focus(true).await;
                }
            },
            {text}
        }
    }
}

/// "Back" to `previous`: the history's own step back when there is one (so the browser's
/// forward still works), else straight to it.
#[component]
pub fn BackStep(previous: Route) -> Element {
    let lang = use_context::<UiState>().lang();
    let nav = navigator();
    rsx! {
        button { class: "button text back-step", r#type: "button", "data-back-to": previous.to_string(),
            onclick: move |_| {
                if nav.can_go_back() {
                    nav.go_back();
                } else {
                    nav.replace(previous.clone());
                }
            },
            span { aria_hidden: "true", "‹ " }
            {lang.t("wizard-back")}
        }
    }
}
