// Every screen on small phones, checked by machine: no horizontal overflow at 360 and 400 px
// wide, no serious or critical axe-core violation, and on the card screen the whole QR, its
// countdown and "Update" on screen above the tab bar without scrolling; every screen again at
// 360 px in English, Indonesian and Vietnamese (the longest words). Screenshots of every
// screen at 360 px are put together into contact sheets, one per language.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { BASE_URL, openPhone, SCREENSHOTS } from './browser.js';
import { applyForCard, bindByPhone } from './app.js';
import { assertQrInView, largeText, PHONES, problems } from './layout.js';

const PERSON = { id: 'H221357915', password: 'Chin#1968', name: '林秀琴', last4: '7915', mobile: '0988654321' };

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
  ['services', '/services'],
  ['application-records', '/card/applications'],
  ['health-bank', '/health-bank'],
  ['register', '/register'],
  ['register-apply', '/register/apply'],
  ['register-login', '/register/login'],
  ['register-forgot', '/register/forgot'],
  ['register-resend', '/register/resend'],
  ['register-help', '/register/help'],
  ['register-check', '/register/check'],
  ['register-reset-code', '/register/reset/code'],
  ['personal', '/personal'],
  ['outbox', '/outbox'],
  ['review-login', '/review/login'],
  ['card-apply-staff', '/card/apply/staff'],
  ['counter', '/counter'],
];
const SIGNED_OUT = [
  ['login', '/login'],
  ['device-authentication', '/device-authentication'],
  ['phone-authentication', '/device-authentication/phone'],
  ['phone-terms', '/device-authentication/phone?step=terms'],
  ['code-authentication', '/device-authentication/code'],
];

let phone;
let page;
before(async () => ({ phone, page } = await openPhone()));
after(() => phone?.close());

async function visitAll(screens, suffix, found, phones = PHONES) {
  for (const { width, height } of phones) {
    await page.setViewportSize({ width, height });
    for (const [name, path] of screens) {
      await page.goto(`${BASE_URL}${path}`);
      found.push(...(await problems(page, `${name} @${width}`)));
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
  // Her card may be approved already (the authorization tests share the backend).
  await page.goto(`${BASE_URL}/card`);
  await page.getByRole('img', { name: /虛擬健保卡就醫 QR 碼/ }).or(page.getByRole('link', { name: '申辦虛擬健保卡' })).first().waitFor();
  if (await page.getByRole('link', { name: '申辦虛擬健保卡' }).count()) {
    await applyForCard(page, BASE_URL, process.env.NHI_E2E_IMAGES, { phone: PERSON.mobile, email: 'chin@example.tw' });
  }
  await visitAll(SCREENS, '', found);
  assert.deepEqual(found, [], found.join('\n'));
});

test('every screen fits a small phone and passes axe in English, Indonesian and Vietnamese', async () => {
  const found = [];
  // The backend's own pages speak the app's four languages too: switch them along.
  for (const lang of ['en', 'id', 'vi']) {
    await page.goto(`${BASE_URL}/lang/${lang}?back=/register`);
    await page.evaluate((l) => localStorage.setItem('nhi-express:language', JSON.stringify(l)), lang);
    await visitAll([...SIGNED_OUT, ...SCREENS], `${lang}-`, found, [PHONES[0]]);
  }
  await page.goto(`${BASE_URL}/lang/zh-TW?back=/register`);
  await page.evaluate(() => localStorage.setItem('nhi-express:language', JSON.stringify('zh-TW')));
  assert.deepEqual(found, [], found.join('\n'));
});

test('the card screen shows the whole QR, its countdown and Update without scrolling', async () => {
  for (const { width, height } of PHONES) {
    await page.setViewportSize({ width, height });
    await page.goto(`${BASE_URL}/card`);
    await assertQrInView(page, `card @${width}`);
  }
});

/** The screens a person uses most, which must hold at 200 % text too. */
const MAIN = [
  ['home', '/'],
  ['card', '/card'],
  ['account', '/me'],
  ['authorizations', '/authorizations'],
  ['health-bank', '/health-bank'],
  ['institutions', '/institutions'],
  ['services', '/services'],
];

test('the main screens hold at 200 % text, the QR still whole on screen', async () => {
  const found = [];
  for (const { width, height } of PHONES) {
    await page.setViewportSize({ width, height });
    for (const [name, path] of MAIN) {
      await page.goto(`${BASE_URL}${path}`);
      await page.locator('main.screen h1').first().waitFor();
      await largeText(page);
      found.push(...(await problems(page, `${name} @${width} 200%`)));
      if (name === 'card') {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(SCREENSHOTS, `layout-${width}-card-200.png`) });
        await assertQrInView(page, `card @${width} 200%`);
      }
    }
  }
  assert.deepEqual(found, [], found.join('\n'));
});

test('contact sheets show every screen at 360 px, one per language', () => {
  for (const lang of ['', 'en-', 'id-', 'vi-']) {
    const shots = [...SIGNED_OUT, ...SCREENS].map(([name]) => join(SCREENSHOTS, `layout-360-${lang}${name}.png`));
    execFileSync('montage', [...shots, '-tile', '6x', '-geometry', '240x+8+8', '-title', `NHI Express at 360 px ${lang || 'zh-TW'}`,
      join(SCREENSHOTS, '..', `contact-sheet-360${lang ? '-' + lang.slice(0, -1) : ''}.png`)]);
  }
});
