// Starts the web build (a file, not an inline script, so the page's content security policy
// allows no inline script).
//
// The language chosen on this device is applied to the page before anything is painted, so
// a screen reader and the fonts never start in the wrong one. The app itself reads the same
// setting ("nhi-express:language") when it starts.
try {
  if (JSON.parse(localStorage.getItem("nhi-express:language")) === "en") {
    document.documentElement.lang = "en";
    document.title = "NHI Express";
  }
} catch (_) {
  // No storage or an unreadable value: the page stays in its default language.
}
import init from "/nhi-web.js";
init({ module_or_path: "/nhi-web_bg.wasm" });
