// Keeps fast typing whole in the desktop and phone builds. There the webview reports each
// keystroke to the app over a message channel and the app writes the field's value back; a
// write answering an older keystroke lands after newer ones and would overwrite them (typed
// at 25 ms a key, "0912345678" came out as "09258"). Such a stale write is recognised — it
// is a value this field has already reported — and skipped; any other write (the app
// clearing or filling a field) goes through. The web build needs none of this: there the app
// answers each keystroke before the next one is read.
(() => {
  if (window.__nhiTypingGuard) return;
  window.__nhiTypingGuard = true;
  // For each field, the values it reported that the app has not written back yet, oldest
  // first. An answer comes within milliseconds; one never written back (typing that ended
  // where the app's value already was) is forgotten after a second, so it cannot hold back
  // a later write of the same value.
  const reported = new WeakMap();
  const ANSWERED_WITHIN_MS = 1000;
  const typedInto = (target) => target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
  document.addEventListener('input', (event) => {
    if (!typedInto(event.target)) return;
    const values = reported.get(event.target) ?? [];
    values.push({ value: event.target.value, at: performance.now() });
    if (values.length > 256) values.shift();
    reported.set(event.target, values);
  }, true);
  for (const proto of [HTMLInputElement.prototype, HTMLTextAreaElement.prototype]) {
    const native = Object.getOwnPropertyDescriptor(proto, 'value');
    Object.defineProperty(proto, 'value', {
      configurable: true,
      enumerable: native.enumerable,
      get() {
        return native.get.call(this);
      },
      set(value) {
        const values = reported.get(this);
        if (values) {
          const recent = performance.now() - ANSWERED_WITHIN_MS;
          while (values.length > 0 && values[0].at < recent) values.shift();
        }
        const at = values ? values.findIndex((typed) => typed.value === String(value)) : -1;
        if (at >= 0) {
          // The answer to a keystroke already reported (and to every one before it): newer
          // typing is in the field and on its way to the app, or the field shows it already.
          values.splice(0, at + 1);
          return;
        }
        if (values) values.length = 0;
        native.set.call(this, value);
      },
    });
  }
})();
