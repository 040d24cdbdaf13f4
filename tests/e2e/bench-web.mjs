// The browser benchmark (prints figures, asserts nothing): what a person on a slow phone
// network feels, in Debian's chromium with the phone-like profile of DevTools — 1.6 Mbit/s
// down, 750 kbit/s up, 150 ms latency, the CPU slowed 4×.
//
//  - First visit, on fresh profiles: when the first thing is painted (the app's frame), when
//    the home screen is usable (the app's tab bar is there), and the bytes transferred; on a
//    Chinese phone (the wasm carries zh-TW's words) and on an English one (its words fetched
//    beside the wasm).
//  - Tap to QR, signed in with an approved card: from the tap on the card tab to the one-time
//    QR on screen; the first tap after the app starts, and the taps after it.
//
// Run by scripts/bench-web.sh (a backend of its own that approves cards by itself).

import { openBrowser, BASE_URL } from './browser.js';
import { ADULT, applyForCard, bindByPhone } from './app.js';

const PHONE_NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6e6 / 8) | 0,
  uploadThroughput: (750e3 / 8) | 0,
};
const CPU_SLOWDOWN = 4;
const FIRST_VISITS = Number(process.env.NHI_BENCH_VISITS ?? 5);
const FIRST_VISITS_EN = Number(process.env.NHI_BENCH_VISITS_EN ?? 3);
const TAPS = Number(process.env.NHI_BENCH_TAPS ?? 7);

// Marks the moments the benchmark reads, from inside the page (no round trip to the test).
const MARKS = () => {
  const marks = (window.__nhiMarks = {});
  const seen = () => {
    const now = performance.now();
    if (marks.usable === undefined && document.querySelector('nav.tab-bar')) marks.usable = now;
    if (marks.tap !== undefined && marks.qr === undefined && document.querySelector('img.card-qr')) marks.qr = now;
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener('click', () => {
    marks.tap = performance.now();
    marks.qr = undefined;
  }, true);
};

async function slowPhone(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PHONE_NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ms = (value) => `${Math.round(value)} ms`;

async function firstVisit(locale = 'zh-TW') {
  const browser = await openBrowser({ locale });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.addInitScript(MARKS);
    await slowPhone(page);
    await page.goto(BASE_URL, { waitUntil: 'commit' });
    await page.waitForSelector('nav.tab-bar', { timeout: 60_000 });
    return await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      return {
        frame: paint?.startTime ?? NaN,
        usable: window.__nhiMarks.usable,
        bytes: entries.reduce((sum, e) => sum + (e.transferSize || 0), 0),
        wasmBytes: wasm?.transferSize ?? NaN,
      };
    });
  } finally {
    await browser.close();
  }
}

async function tapsToQr() {
  const browser = await openBrowser();
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.addInitScript(MARKS);
    // Set up at full speed: bound, signed in, a card applied for and approved.
    await page.goto(BASE_URL);
    await bindByPhone(page, ADULT);
    const home = page.getByRole('heading', { name: `${ADULT.name}，您好` });
    await home.waitFor();
    await applyForCard(page, BASE_URL, process.env.NHI_E2E_IMAGES, { phone: ADULT.mobile, email: 'wang@example.tw' });
    await page.locator('img[alt="持卡人照片"]').waitFor({ timeout: 30_000 });

    const tab = (name) => page.locator('nav.tab-bar').getByRole('link', { name, exact: true });
    const times = [];
    const cdp = await slowPhone(page);
    await page.goto(BASE_URL);
    await home.waitFor({ timeout: 60_000 });
    for (let i = 0; i < TAPS; i++) {
      await tab('虛擬健保卡').click();
      await page.waitForFunction(() => window.__nhiMarks.qr !== undefined, null, { timeout: 30_000 });
      times.push(await page.evaluate(() => window.__nhiMarks.qr - window.__nhiMarks.tap));
      await tab('首頁').click();
      await home.waitFor();
    }
    await cdp.detach();
    return times;
  } finally {
    await browser.close();
  }
}

const visits = [];
for (let i = 0; i < FIRST_VISITS; i++) visits.push(await firstVisit());
const english = [];
for (let i = 0; i < FIRST_VISITS_EN; i++) english.push(await firstVisit('en-US'));
const taps = await tapsToQr();

console.log(`Web build on a slow phone network (${PHONE_NETWORK.latency} ms, 1.6 Mbit/s down, 750 kbit/s up, CPU ${CPU_SLOWDOWN}× slower), chromium:`);
console.log(`  first visit, ${visits.length} fresh profiles:`);
console.log(`    frame painted      median ${ms(median(visits.map((v) => v.frame)))}  (${visits.map((v) => ms(v.frame)).join(', ')})`);
console.log(`    home usable        median ${ms(median(visits.map((v) => v.usable)))}  (${visits.map((v) => ms(v.usable)).join(', ')})`);
console.log(`    transferred        median ${Math.round(median(visits.map((v) => v.bytes)) / 1024)} kB, of which the wasm ${Math.round(median(visits.map((v) => v.wasmBytes)) / 1024)} kB`);
console.log(`  first visit on an English phone, ${english.length} fresh profiles:`);
console.log(`    frame painted      median ${ms(median(english.map((v) => v.frame)))}; home usable median ${ms(median(english.map((v) => v.usable)))}  (${english.map((v) => ms(v.usable)).join(', ')}); ${Math.round(median(english.map((v) => v.bytes)) / 1024)} kB`);
console.log(`  tap to QR, signed in, approved card, ${taps.length} taps:`);
console.log(`    first tap after start ${ms(taps[0])}; the others median ${ms(median(taps.slice(1)))}  (${taps.slice(1).map(ms).join(', ')})`);
console.log(`    all taps           median ${ms(median(taps))}`);
