//! The UI's reactive state, shared through context.

use chrono::{DateTime, Utc};
use dioxus::prelude::*;

use nhi_client::app::{QuickSignInError, Session};
use nhi_client::client::ClientError;
use nhi_core::i18n::Lang;
use nhi_core::i18n::Msg;

/// What the one-time notice says: a message, or why something failed.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Said(Msg),
    Failed(ClientError),
    /// A sensitive action's quick sign-in confirmation was not given (cancelled, failed).
    Unconfirmed(QuickSignInError),
}

impl Notice {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Notice::Said(message) => message.text(lang),
            Notice::Failed(error) => error.user_message(lang),
            Notice::Unconfirmed(error) => error.user_message(lang),
        }
    }
}

#[derive(Clone, Copy)]
pub struct UiState {
    pub lang_signal: Signal<Lang>,
    pub session: Signal<Option<Session>>,
    /// One notice shown once at the top of the next screen (e.g. "signed out"), kept as a
    /// message so it reads in the language chosen meanwhile.
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

    pub fn notify(&mut self, message: impl Into<Msg>) {
        self.notice.set(Some(Notice::Said(message.into())));
    }

    /// A notice that an action on the previous screen failed, and why.
    pub fn notify_failure(&mut self, error: ClientError) {
        self.notice.set(Some(Notice::Failed(error)));
    }
}
