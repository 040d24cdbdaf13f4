//! The two languages the product speaks. zh-TW is the default, as in the official app.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-TW")]
    ZhTw,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Picks the text for this language.
    pub fn pick<'a>(self, zh_tw: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::ZhTw => zh_tw,
            Lang::En => en,
        }
    }

    /// The BCP 47 tag, for the `lang` attribute of the page.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhTw => "zh-Hant-TW",
            Lang::En => "en",
        }
    }
}
