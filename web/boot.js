// Starts the web build (a file, not an inline script, so the page's content security policy
// allows no inline script).
//
// The language is applied to the page before anything is painted, so a screen reader and
// the fonts never start in the wrong one: the one chosen on this device
// ("nhi-express:language", which the app itself reads when it starts), else the first of the
// browser's languages the app speaks — the same choice the app makes (domain::Lang).
const TAGS = { "zh-TW": "zh-Hant-TW", en: "en", id: "id", vi: "vi" };
const TITLES = { en: "NHI Express", id: "NHI Express", vi: "NHI Express" };
function ours(tag) {
  const primary = String(tag).split(/[-_]/)[0].toLowerCase();
  return { zh: "zh-TW", en: "en", id: "id", in: "id", vi: "vi" }[primary];
}
try {
  let lang = null;
  try {
    lang = JSON.parse(localStorage.getItem("nhi-express:language"));
  } catch (_) {
    // No storage or an unreadable value: fall back to the browser's languages.
  }
  if (!TAGS[lang]) {
    lang = (navigator.languages || [navigator.language]).map(ours).find(Boolean) || "zh-TW";
  }
  document.documentElement.lang = TAGS[lang];
  if (TITLES[lang]) document.title = TITLES[lang];
} catch (_) {
  // The page stays in its default language.
}
import init from "/nhi-web.js";
init({ module_or_path: "/nhi-web_bg.wasm" });
