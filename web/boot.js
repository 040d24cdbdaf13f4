// Starts the web build (a file, not an inline script, so the page's content security policy
// allows no inline script). A classic script in the page's head: it runs before the first
// paint, so the loading frame in index.html already speaks the right language.
//
// The language is applied to the page before anything is painted, so a screen reader and
// the fonts never start in the wrong one: the one chosen on this device
// ("nhi-express:language", which the app itself reads when it starts), else the first of the
// browser's languages the app speaks — the same choice the app makes (domain::Lang).
//
// The wasm carries zh-TW's words only: another language's catalogue is fetched here, beside
// the wasm, and left for the app in globalThis.nhiCatalogue ({ base, lang, text }); the app
// fetches from `base` a language picked later. The build names the files by content hash.
// In a function of its own: a classic script's top-level names would be the page's globals.
(() => {
  const CATALOGUES = "/nhi-web-catalogue-";
  globalThis.nhiCatalogue = { base: CATALOGUES };
  let lang = "zh-TW";
  const TAGS = { "zh-TW": "zh-Hant-TW", en: "en", id: "id", vi: "vi" };
  const TITLES = { en: "NHI Express", id: "NHI Express", vi: "NHI Express" };
  function ours(tag) {
    const primary = String(tag).split(/[-_]/)[0].toLowerCase();
    return { zh: "zh-TW", en: "en", id: "id", in: "id", vi: "vi" }[primary];
  }
  try {
    let saved = null;
    try {
      saved = JSON.parse(localStorage.getItem("nhi-express:language"));
    } catch (_) {
      // No storage or an unreadable value: fall back to the browser's languages.
    }
    lang = TAGS[saved]
      ? saved
      : (navigator.languages || [navigator.language]).map(ours).find(Boolean) || "zh-TW";
    document.documentElement.lang = TAGS[lang];
    if (TITLES[lang]) document.title = TITLES[lang];
  } catch (_) {
    // The page stays in its default language.
  }
  // The wasm is compiled while it downloads (the page's preload has already asked for it), and
  // the app starts once the page is parsed (#main and passkeys.js are there by then).
  const WASM = "/nhi-web_bg.wasm";
  const compiled = WebAssembly.compileStreaming(fetch(WASM)).catch(() =>
    // A server or proxy that loses the wasm's content type: compile it whole instead.
    fetch(WASM).then((response) => response.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes)),
  );
  const parsed = new Promise((resolve) => {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", resolve, { once: true });
    } else {
      resolve();
    }
  });
  // Without it (offline, a refused fetch) the app starts in zh-TW's words and tries again.
  const catalogue =
    lang === "zh-TW"
      ? Promise.resolve()
      : fetch(CATALOGUES + lang + ".ftl")
          .then((response) => (response.ok ? response.text() : null))
          .then((text) => {
            if (text) Object.assign(globalThis.nhiCatalogue, { lang, text });
          })
          .catch(() => {});
  Promise.all([import("/nhi-web.js"), compiled, parsed, catalogue])
    .then(([app, module]) => app.default({ module_or_path: module }))
    .catch((error) => {
      console.error("NHI Express could not start", error);
      const frame = document.querySelector(".boot");
      if (frame) frame.setAttribute("data-failed", "");
    });
})();
