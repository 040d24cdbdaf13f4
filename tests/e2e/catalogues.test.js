// The web build carries zh-TW's words only; the page fetches the device's other language
// beside the wasm (web/boot.js), and a language picked later is fetched then. What a person
// on an English phone sees, and what happens when that fetch fails (offline, a proxy).

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, openPhone } from './browser.js';

const opened = [];
after(async () => {
  for (const phone of opened) await phone.close();
});

async function phone(options) {
  const { phone, page } = await openPhone(options);
  opened.push(phone);
  const catalogues = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.ftl')) catalogues.push(new URL(r.url()).pathname);
  });
  return { page, catalogues };
}

test('an English phone fetches English words once, beside the wasm, and no other language', async () => {
  const { page, catalogues } = await phone({ locale: 'en-US' });
  await page.goto(`${BASE_URL}/`);
  await page.getByRole('heading', { name: 'Welcome to NHI Express' }).waitFor();
  assert.equal(catalogues.length, 1, catalogues.join(', '));
  assert.match(catalogues[0], /^\/nhi-web-[0-9a-f]{16}-en\.ftl$/);
});

test('a Chinese phone fetches no catalogue at all', async () => {
  const { page, catalogues } = await phone({ locale: 'zh-TW' });
  await page.goto(`${BASE_URL}/`);
  await page.getByRole('heading', { name: '歡迎使用全民健保行動快易通' }).waitFor();
  assert.deepEqual(catalogues, []);
});

test('without its catalogue the app still starts, in Chinese, and a language picked later is fetched then', async () => {
  const { page, catalogues } = await phone({ locale: 'en-US' });
  await page.route('**/*.ftl', (route) => route.abort('internetdisconnected'));
  await page.goto(`${BASE_URL}/`);
  await page.getByRole('heading', { name: '歡迎使用全民健保行動快易通' }).waitFor();
  // It says which language it speaks: the picker and the page (what a screen reader reads).
  assert.equal(await page.locator('select.lang-switch').inputValue(), 'zh-TW');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hant-TW');
  // Picking another language while its words cannot be had says so, in the language spoken,
  // and the picker stays on it.
  await page.locator('select.lang-switch').selectOption('vi');
  await page.getByRole('status').getByText('無法載入所選的語言，請確認網路連線後再試一次。').waitFor();
  assert.equal(await page.locator('select.lang-switch').inputValue(), 'zh-TW');
  // Once the network is back, picking Vietnamese works.
  await page.unroute('**/*.ftl');
  await page.locator('select.lang-switch').selectOption('vi');
  await page.getByRole('heading', { name: 'Chào mừng đến với NHI Express' }).waitFor();
  assert.ok(catalogues.some((path) => path.endsWith('-vi.ftl')), catalogues.join(', '));
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
});
