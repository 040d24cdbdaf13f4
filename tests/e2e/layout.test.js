// Every screen on small phones, checked by machine: no horizontal overflow at 360 and 400 px
// wide, no serious or critical axe-core violation, and on the card screen the whole QR, its
// countdown and "Update" on screen above the tab bar without scrolling. Screenshots of every
// screen at 360 px are put together into one contact sheet.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { BASE_URL, openBrowser, SCREENSHOTS } from './browser.js';
import { applyForCard, bindByPhone } from './app.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PERSON = { id: 'H221357915', password: 'Chin#1968', name: '林秀琴', last4: '7915', mobile: '0988654321' };
const PHONES = [
  { width: 360, height: 640 },
  { width: 400, height: 860 },
];

/** Screens signed in (app routes) and the backend's own pages. */
const SCREENS = [
  ['home', '/'],
  ['card', '/card'],
  ['card-apply', '/card/apply'],
  ['account', '/me'],
  ['authorizations', '/authorizations'],
  ['authorize', '/authorizations/new'],
  ['get-authorization', '/authorizations/get'],
  ['institutions', '/institutions'],
  ['health-bank', '/health-bank'],
  ['register', '/register'],
  ['register-apply', '/register/apply'],
  ['register-login', '/register/login'],
  ['outbox', '/outbox'],
  ['review-login', '/review/login'],
  ['counter', '/counter'],
];
const SIGNED_OUT = [
  ['login', '/login'],
  ['device-authentication', '/device-authentication'],
  ['phone-authentication', '/device-authentication/phone'],
  ['code-authentication', '/device-authentication/code'],
];

let phone;
let page;

before(async () => {
  phone = await openBrowser();
  page = phone.pages()[0] ?? (await phone.newPage());
});

after(async () => {
  await phone?.close();
});

/** What is wrong with the screen now showing: overflow and axe's serious findings. */
async function problems(name) {
  // Let the screen settle (data loaded, spinners gone).
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.spinner'), null, { timeout: 10_000 }).catch(() => {});
  const found = [];
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  if (scroll > inner) found.push(`${name}: ${scroll} px wide in a ${inner} px viewport`);
  // axe goes in through the DevTools protocol, which the page's content security policy
  // does not govern; the page itself still runs no inline script.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  for (const v of violations) found.push(`${name}: ${v}`);
  return found;
}

async function visitAll(screens, suffix, found) {
  for (const { width, height } of PHONES) {
    await page.setViewportSize({ width, height });
    for (const [name, path] of screens) {
      await page.goto(`${BASE_URL}${path}`);
      found.push(...(await problems(`${name} @${width}`)));
      if (width === 360) {
        await page.screenshot({ path: join(SCREENSHOTS, `layout-360-${suffix}${name}.png`) });
      }
    }
  }
}

test('every screen fits a small phone and passes axe', async () => {
  const found = [];
  await page.goto(`${BASE_URL}/`);
  await visitAll(SIGNED_OUT, '', found);

  await page.setViewportSize({ width: 400, height: 860 });
  await page.goto(`${BASE_URL}/`);
  await bindByPhone(page, PERSON);
  await page.getByRole('heading', { name: `${PERSON.name}，您好` }).waitFor();
  await applyForCard(page, BASE_URL, process.env.NHI_E2E_IMAGES, { phone: PERSON.mobile, email: 'chin@example.tw' });
  await visitAll(SCREENS, '', found);
  assert.deepEqual(found, [], found.join('\n'));
});

test('the card screen shows the whole QR, its countdown and Update without scrolling', async () => {
  for (const { width, height } of PHONES) {
    await page.setViewportSize({ width, height });
    await page.goto(`${BASE_URL}/card`);
    const qr = page.locator('img.card-qr');
    await qr.waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    const tabBar = await page.locator('nav.tab-bar').boundingBox();
    const bottom = tabBar ? tabBar.y : height;
    for (const [what, locator] of [
      ['QR', qr],
      ['countdown', page.locator('#qr-countdown')],
      ['Update', page.getByRole('button', { name: '更新' })],
    ]) {
      const box = await locator.boundingBox();
      assert.ok(box, `${what} @${width}`);
      assert.ok(box.y >= 0 && box.y + box.height <= bottom, `${what} @${width}: ${box.y}+${box.height} > ${bottom}`);
    }
  }
});

test('a contact sheet shows every screen at 360 px', () => {
  const shots = [...SIGNED_OUT, ...SCREENS].map(([name]) => join(SCREENSHOTS, `layout-360-${name}.png`));
  execFileSync('montage', [...shots, '-tile', '6x', '-geometry', '240x+8+8', '-title', 'NHI Express at 360 px',
    join(SCREENSHOTS, '..', 'contact-sheet-360.png')]);
});
