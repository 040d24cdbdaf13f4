//! A message to be shown later, perhaps after the language has changed: a notice kept for
//! the next screen, an error carried up from a flow.

use chrono::NaiveDate;
use fluent_bundle::{FluentArgs, FluentValue};

use crate::domain::card_application::{MIN_PHOTO_HEIGHT, MIN_PHOTO_WIDTH};
use crate::domain::photo_rules::PhotoProblem;
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// Written in the reader's convention when the message is shown.
    Date(NaiveDate),
    /// Another message, in the same language.
    Message(Msg),
}

impl From<Msg> for Arg {
    fn from(value: Msg) -> Self {
        Arg::Message(value)
    }
}

impl From<u64> for Arg {
    fn from(value: u64) -> Self {
        Arg::Number(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

impl From<NaiveDate> for Arg {
    fn from(value: NaiveDate) -> Self {
        Arg::Date(value)
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_owned())
    }
}

impl From<i64> for Arg {
    fn from(value: i64) -> Self {
        Arg::Number(value)
    }
}

impl From<u32> for Arg {
    fn from(value: u32) -> Self {
        Arg::Number(value.into())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl From<&'static str> for Msg {
    fn from(id: &'static str) -> Self {
        Msg::new(id)
    }
}

impl Msg {
    pub fn new(id: &'static str) -> Self {
        Self {
            id,
            args: Vec::new(),
        }
    }

    /// Fills the placeholder `name`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The words, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            match value {
                Arg::Text(text) => args.set(*name, FluentValue::from(text.as_str())),
                Arg::Number(n) => args.set(*name, FluentValue::from(*n)),
                Arg::Date(date) => args.set(*name, FluentValue::from(super::date(*date, lang))),
                Arg::Message(message) => args.set(*name, FluentValue::from(message.text(lang))),
            }
        }
        super::format(lang, self.id, Some(&args))
    }
}

/// What to tell the person about a photo the NHIA rules refuse, quoting their guidance.
impl From<PhotoProblem> for Msg {
    fn from(problem: PhotoProblem) -> Self {
        match problem {
            PhotoProblem::TooSmall => Msg::new("photo-too-small")
                .with("width", MIN_PHOTO_WIDTH)
                .with("height", MIN_PHOTO_HEIGHT),
            PhotoProblem::NotPortrait => Msg::new("photo-not-portrait"),
            PhotoProblem::BackgroundNotWhite => Msg::new("photo-background-not-white"),
        }
    }
}
