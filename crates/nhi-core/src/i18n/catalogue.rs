//! The catalogues, compiled into the build (the app must speak before it can read a file)
//! and parsed once on first use.
//!
//! The web build (feature `catalogues-on-demand`) carries only zh-TW's, the app's first
//! language and every other one's fallback: a phone on a slow network downloads the words of
//! one language, not four. Its page fetches the device's other language beside the wasm and
//! the app installs it (`install`) before its first screen; a language picked later is
//! fetched then.

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
    #[cfg(not(feature = "catalogues-on-demand"))]
    catalogue!(Lang::En, "en", "app"),
    #[cfg(not(feature = "catalogues-on-demand"))]
    catalogue!(Lang::Id, "id", "app"),
    #[cfg(not(feature = "catalogues-on-demand"))]
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

fn slot(lang: Lang) -> &'static OnceLock<Bundle> {
    let slot = Lang::ALL
        .iter()
        .position(|&l| l == lang)
        .expect("every language is in Lang::ALL");
    &BUNDLES[slot]
}

fn compiled_in(lang: Lang) -> bool {
    CATALOGUES.iter().any(|f| f.lang == lang)
}

/// The language's bundle: parsed from what is compiled in, or as installed; none when
/// neither (a web build's language not fetched yet).
fn bundle(lang: Lang) -> Option<&'static Bundle> {
    let slot = slot(lang);
    if compiled_in(lang) {
        Some(slot.get_or_init(|| parsed(lang)))
    } else {
        slot.get()
    }
}

/// Whether the app can speak `lang` now (its catalogue compiled in or installed).
pub fn has(lang: Lang) -> bool {
    compiled_in(lang) || slot(lang).get().is_some()
}

/// Why a fetched catalogue was not installed.
#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    #[error("the catalogue does not parse ({0} errors)")]
    DoesNotParse(usize),
    #[error("the catalogue repeats messages")]
    RepeatsMessages,
    #[error("the catalogue lacks the app's words (no `{0}`)")]
    NotTheAppCatalogue(&'static str),
}

/// A message every app catalogue has: what tells a catalogue from, say, a page the server
/// answered instead.
const PROOF_MESSAGE: &str = "shell-nhi-express";

/// Installs the app's catalogue of `lang` from `source` (fetched by the web build). A text
/// that does not parse, or that is not the app's catalogue, changes nothing; nor does one for
/// a language the build carries (its own words win). Installing a language twice keeps the
/// first.
pub fn install(lang: Lang, source: String) -> Result<(), InstallError> {
    if compiled_in(lang) {
        return Ok(());
    }
    let _ = slot(lang).set(checked(lang, source)?);
    Ok(())
}

/// `source` as `lang`'s bundle, if it parses and is the app's catalogue.
fn checked(lang: Lang, source: String) -> Result<Bundle, InstallError> {
    let resource = FluentResource::try_new(source)
        .map_err(|(_, errors)| InstallError::DoesNotParse(errors.len()))?;
    let mut bundle = empty(lang);
    if bundle.add_resource(resource).is_err() {
        return Err(InstallError::RepeatsMessages);
    }
    if !bundle.has_message(PROOF_MESSAGE) {
        return Err(InstallError::NotTheAppCatalogue(PROOF_MESSAGE));
    }
    Ok(bundle)
}

fn empty(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier =
        lang.code().parse().expect("our language codes are BCP 47");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around placeholders: our values are IDs, names and dates
    // that read fine in place, and the marks get in the way of copying them.
    bundle.set_use_isolating(false);
    bundle
}

fn parsed(lang: Lang) -> Bundle {
    let mut bundle = empty(lang);
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
        // A language not fetched yet speaks zh-TW meanwhile.
        let Some(bundle) = bundle(lang) else {
            continue;
        };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_the_apps_catalogue_is_not_installed() {
        // A server answers its index page for a missing file: that must not become a language.
        let page = "<!doctype html><html><body>NHI Express</body></html>".to_owned();
        assert!(matches!(
            checked(Lang::Vi, page),
            Err(InstallError::DoesNotParse(_))
        ));
        assert!(matches!(
            checked(Lang::Vi, "greeting = hello\n".to_owned()),
            Err(InstallError::NotTheAppCatalogue(PROOF_MESSAGE))
        ));
        assert!(matches!(
            checked(
                Lang::Vi,
                "shell-nhi-express = A\nshell-nhi-express = B\n".to_owned()
            ),
            Err(InstallError::RepeatsMessages)
        ));
        let vi = include_str!("../../locales/vi/app.ftl").to_owned();
        assert!(checked(Lang::Vi, vi).is_ok());
    }

    #[test]
    fn every_app_catalogue_has_the_proof_message() {
        for lang in Lang::ALL {
            assert!(has(lang));
            assert!(bundle(lang).is_some_and(|b| b.has_message(PROOF_MESSAGE)));
        }
    }
}
