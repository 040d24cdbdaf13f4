// Starts the web build (a file, not an inline script, so the page's content security policy
// allows no inline script). A classic script in the page's head: it runs before the first
// paint, so the loading frame in index.html already speaks the right language.
//
// The language is applied to the page before anything is painted, so a screen reader and
// the fonts never start in the wrong one: the one chosen on this device
// ("nhi-express:language", which the app itself reads when it starts), else the first of the
// browser's languages the app speaks — the same choice the app makes (domain::Lang).
// In a function of its own: a classic script's top-level names would be the page's globals.
(() => {
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
  Promise.all([import("/nhi-web.js"), compiled, parsed])
    .then(([app, module]) => app.default({ module_or_path: module }))
    .catch((error) => {
      console.error("NHI Express could not start", error);
      const frame = document.querySelector(".boot");
      if (frame) frame.setAttribute("data-failed", "");
    });
})();
