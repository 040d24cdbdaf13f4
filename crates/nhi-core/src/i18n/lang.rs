//! The languages the product speaks. zh-TW is the default, as in the official app; English,
//! Bahasa Indonesia and Tiếng Việt are there for the family members and the foreign home
//! caregivers who present the card for someone (most of Taiwan's come from Indonesia and
//! Vietnam).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-TW")]
    ZhTw,
    #[serde(rename = "en")]
    En,
    #[serde(rename = "id")]
    Id,
    #[serde(rename = "vi")]
    Vi,
}

impl Lang {
    /// Every language, in the order the picker offers them.
    pub const ALL: [Lang; 4] = [Lang::ZhTw, Lang::En, Lang::Id, Lang::Vi];

    /// The BCP 47 tag, for the `lang` attribute of the page.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhTw => "zh-Hant-TW",
            Lang::En => "en",
            Lang::Id => "id",
            Lang::Vi => "vi",
        }
    }

    /// The short code the catalogues and the saved choice use ("zh-TW", "en", "id", "vi").
    pub fn code(self) -> &'static str {
        match self {
            Lang::ZhTw => "zh-TW",
            Lang::En => "en",
            Lang::Id => "id",
            Lang::Vi => "vi",
        }
    }

    /// The language's name in itself: what a reader of it looks for in a picker.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::ZhTw => "繁體中文",
            Lang::En => "English",
            Lang::Id => "Bahasa Indonesia",
            Lang::Vi => "Tiếng Việt",
        }
    }

    /// The language a BCP 47 tag or POSIX locale names, when it is one of ours: any Chinese
    /// reads the traditional catalogue better than a foreign one; "in" is Indonesian's old code.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::ZhTw),
            "en" => Some(Lang::En),
            "id" | "in" => Some(Lang::Id),
            "vi" => Some(Lang::Vi),
            _ => None,
        }
    }

    /// The first of the given tags (most preferred first) that is one of ours.
    pub fn first_known<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        tags.into_iter().find_map(Lang::from_tag)
    }

    /// The language an HTTP `Accept-Language` header prefers most among ours (by q-value,
    /// then by order).
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for item in header.split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or_default();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if let Some(lang) = Lang::from_tag(tag) {
                if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                    best = Some((q, lang));
                }
            }
        }
        best.map(|(_, lang)| lang)
    }
}

impl Lang {
    /// The message `id` in this language.
    pub fn t(self, id: &str) -> String {
        super::text(self, id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_name_our_languages() {
        assert_eq!(Lang::from_tag("zh-Hant-TW"), Some(Lang::ZhTw));
        assert_eq!(Lang::from_tag("zh_TW.UTF-8"), Some(Lang::ZhTw));
        assert_eq!(Lang::from_tag("id-ID"), Some(Lang::Id));
        assert_eq!(Lang::from_tag("in_ID"), Some(Lang::Id));
        assert_eq!(Lang::from_tag("vi-VN"), Some(Lang::Vi));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("tl-PH"), None);
        assert_eq!(Lang::from_tag("C"), None);
        assert_eq!(Lang::first_known(["fil", "vi", "en"]), Some(Lang::Vi));
    }

    #[test]
    fn accept_language_goes_by_weight() {
        assert_eq!(
            Lang::from_accept_language("fr;q=1, en;q=0.5, id;q=0.8"),
            Some(Lang::Id)
        );
        assert_eq!(
            Lang::from_accept_language("zh-TW,zh;q=0.9,en;q=0.8"),
            Some(Lang::ZhTw)
        );
        assert_eq!(Lang::from_accept_language("de, en;q=0"), None);
        assert_eq!(Lang::from_accept_language(""), None);
    }

    #[test]
    fn saved_choice_reads_back() {
        for lang in Lang::ALL {
            let json = serde_json::to_string(&lang).unwrap();
            assert_eq!(json, format!("\"{}\"", lang.code()));
            assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), lang);
        }
    }
}
