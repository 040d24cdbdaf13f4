//! The catalogues, compiled into every build (the app must speak before it can read a file)
//! and parsed once on first use.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use crate::i18n::Lang;

/// One catalogue file: its language, its name and its text.
pub struct CatalogueFile {
    pub lang: Lang,
    pub name: &'static str,
    pub source: &'static str,
}

macro_rules! catalogue {
    ($lang:expr, $dir:literal, $name:literal) => {
        CatalogueFile {
            lang: $lang,
            name: $name,
            source: include_str!(concat!("../../locales/", $dir, "/", $name, ".ftl")),
        }
    };
}

/// Every catalogue file: the app's words and the backend's pages (the registration website
/// and its mails, the reviewer console, the counter), each in all four languages.
pub const CATALOGUES: &[CatalogueFile] = &[
    catalogue!(Lang::ZhTw, "zh-TW", "app"),
    catalogue!(Lang::En, "en", "app"),
    catalogue!(Lang::Id, "id", "app"),
    catalogue!(Lang::Vi, "vi", "app"),
    #[cfg(feature = "openapi")]
    catalogue!(Lang::ZhTw, "zh-TW", "pages"),
    #[cfg(feature = "openapi")]
    catalogue!(Lang::En, "en", "pages"),
    #[cfg(feature = "openapi")]
    catalogue!(Lang::Id, "id", "pages"),
    #[cfg(feature = "openapi")]
    catalogue!(Lang::Vi, "vi", "pages"),
];

type Bundle = FluentBundle<FluentResource>;

/// Each language's bundle, parsed the first time that language is asked for: an app that
/// speaks one language parses one catalogue at start, not four (on a slow phone the parse is
/// part of the wait before the first screen).
static BUNDLES: [OnceLock<Bundle>; Lang::ALL.len()] = [const { OnceLock::new() }; Lang::ALL.len()];

fn bundle(lang: Lang) -> &'static Bundle {
    let slot = Lang::ALL
        .iter()
        .position(|&l| l == lang)
        .expect("every language is in Lang::ALL");
    BUNDLES[slot].get_or_init(|| parsed(lang))
}

fn parsed(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier =
        lang.code().parse().expect("our language codes are BCP 47");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around placeholders: our values are IDs, names and dates
    // that read fine in place, and the marks get in the way of copying them.
    bundle.set_use_isolating(false);
    for file in CATALOGUES.iter().filter(|f| f.lang == lang) {
        let resource =
            FluentResource::try_new(file.source.to_owned()).unwrap_or_else(|(_, errors)| {
                panic!(
                    "{}/{}.ftl does not parse: {errors:?}",
                    lang.code(),
                    file.name
                )
            });
        bundle.add_resource(resource).unwrap_or_else(|errors| {
            panic!(
                "{}/{}.ftl repeats messages: {errors:?}",
                lang.code(),
                file.name
            )
        });
    }
    bundle
}

/// The message `id` in `lang`.
pub fn text(lang: Lang, id: &str) -> String {
    format(lang, id, None)
}

/// The message `id` in `lang` with its placeholders filled. A message missing from a
/// catalogue (the catalogue test forbids it) falls back to zh-TW, then shows its id.
pub fn format(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    for lang in [lang, Lang::default()] {
        let bundle = bundle(lang);
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::warn!(
                    id,
                    lang = lang.code(),
                    ?errors,
                    "a message was formatted with errors"
                );
            }
            return text.into_owned();
        }
        tracing::warn!(
            id,
            lang = lang.code(),
            "a message is missing from the catalogue"
        );
    }
    id.to_owned()
}
