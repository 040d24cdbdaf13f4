// Starts the web build (a file, not an inline script, so the page's content security policy
// allows no inline script).
import init from "/nhi-web.js";
init({ module_or_path: "/nhi-web_bg.wasm" });
