//! The UI's reactive state, shared through context.

use chrono::{DateTime, Utc};
use dioxus::prelude::*;

use crate::app::Session;
use crate::domain::Lang;

/// One notice shown once at the top of the next screen (e.g. "signed out").
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub zh_tw: String,
    pub en: String,
}

#[derive(Clone, Copy)]
pub struct UiState {
    pub lang_signal: Signal<Lang>,
    pub session: Signal<Option<Session>>,
    pub notice: Signal<Option<Notice>>,
    /// The time as the screens last learned it; the shell moves it on, so "time left"
    /// texts stay current without each screen running a timer.
    pub now: Signal<DateTime<Utc>>,
}

impl UiState {
    pub fn new(lang: Lang, session: Option<Session>, now: DateTime<Utc>) -> Self {
        Self {
            lang_signal: Signal::new(lang),
            session: Signal::new(session),
            notice: Signal::new(None),
            now: Signal::new(now),
        }
    }

    pub fn lang(&self) -> Lang {
        (self.lang_signal)()
    }

    pub fn notify(&mut self, zh_tw: &str, en: &str) {
        self.notice.set(Some(Notice {
            zh_tw: zh_tw.into(),
            en: en.into(),
        }));
    }
}
