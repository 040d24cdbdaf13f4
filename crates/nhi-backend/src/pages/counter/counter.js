// The counter's video visit page: while the request waits for the patient, fetch its status
// part every two seconds and put it in place, so the clerk sees Allow (with the verification),
// Decline or expiry without reloading. Stops once the request has ended.
(function () {
  const EVERY_MS = 2000;
  function follow() {
    const box = document.getElementById('video-visit-status');
    if (!box || box.dataset.pending !== 'true') return;
    setTimeout(async () => {
      try {
        const res = await fetch(box.dataset.poll, { credentials: 'same-origin' });
        if (!res.ok && res.status < 500) {
          // Refused (the professional card was blocked meanwhile): the page says why.
          window.location.reload();
          return;
        }
        if (res.ok) {
          const next = document.createElement('div');
          next.innerHTML = await res.text();
          const fresh = next.querySelector('#video-visit-status');
          if (!fresh) {
            // Signed out meanwhile (the shift ended, the cards were blocked): show the page
            // as it now is, which asks for the cards again.
            window.location.reload();
            return;
          }
          // The same live region stays, its content changes: screen readers hear it.
          box.innerHTML = fresh.innerHTML;
          if (fresh.dataset.pending !== 'true') delete box.dataset.pending;
        }
      } catch (e) {
        // Offline for a moment: try again at the next turn.
      }
      follow();
    }, EVERY_MS);
  }
  follow();
})();
