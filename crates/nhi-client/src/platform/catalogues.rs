//! The app's words in the person's language. Native builds carry every catalogue; the web
//! build carries zh-TW only (`nhi_core::i18n::catalogue`), and its page (`web/boot.js`)
//! fetches the device's other language beside the wasm and leaves it in
//! `globalThis.nhiCatalogue` (`{ base, lang, text }`): `install_preloaded` installs it before
//! the first screen; a language picked later is fetched from `base` by `ensure`.

use nhi_core::i18n::{catalogue, Lang};

/// Installs the catalogue the page fetched beside the wasm, if any (web build).
pub fn install_preloaded() {
    #[cfg(all(feature = "web", target_arch = "wasm32"))]
    web::install_preloaded();
}

/// Makes `lang`'s words available, fetching them where the build does not carry them:
/// false when they could not be had (offline): the app then stays in its language.
pub async fn ensure(lang: Lang) -> bool {
    if catalogue::has(lang) {
        return true;
    }
    #[cfg(all(feature = "web", target_arch = "wasm32"))]
    return web::fetch(lang).await;
    #[cfg(not(all(feature = "web", target_arch = "wasm32")))]
    false
}

#[cfg(all(feature = "web", target_arch = "wasm32"))]
mod web {
    use super::*;
    use wasm_bindgen::JsValue;

    fn field(name: &str) -> Option<JsValue> {
        let page = js_sys::Reflect::get(&js_sys::global(), &"nhiCatalogue".into()).ok()?;
        js_sys::Reflect::get(&page, &name.into())
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    pub fn install_preloaded() {
        let lang = field("lang").and_then(|l| l.as_string());
        let text = field("text").and_then(|t| t.as_string());
        if let (Some(lang), Some(text)) = (lang.and_then(|l| Lang::from_tag(&l)), text) {
            if let Err(error) = catalogue::install(lang, text) {
                tracing::warn!(%error, lang = lang.code(), "the fetched catalogue was not installed");
            }
        }
    }

    pub async fn fetch(lang: Lang) -> bool {
        let Some(base) = field("base").and_then(|b| b.as_string()) else {
            return false;
        };
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let url = format!("{origin}{base}{}.ftl", lang.code());
        let installed = match download(&url).await {
            Ok(text) => catalogue::install(lang, text).map_err(|e| e.to_string()),
            Err(why) => Err(why),
        };
        if let Err(why) = &installed {
            tracing::warn!(%why, lang = lang.code(), "the catalogue was not installed");
        }
        installed.is_ok()
    }

    async fn download(url: &str) -> Result<String, String> {
        let response = reqwest::get(url).await.map_err(|e| e.to_string())?;
        if !response.status().is_success() {
            return Err(format!("answered {}", response.status()));
        }
        response.text().await.map_err(|e| e.to_string())
    }
}
