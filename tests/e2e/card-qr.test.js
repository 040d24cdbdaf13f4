// The card's one-time QR in real chromium: the countdown and "Update", the counter page
// verifying a screenshot of the code, the app noticing the use and showing a fresh code,
// and the search of institutions that accept the card.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, openPhone, screenshotOf, shot } from './browser.js';
import { applyForCard, bindByPhone, presentAtCounter } from './app.js';

const PARENT = { id: 'A223456781', password: 'Mei#1946ok', name: '王陳美玉', last4: '6781', mobile: '0922333444' };

let phone;
let page;
before(async () => ({ phone, page } = await openPhone()));
after(() => phone?.close());

const qr = () => page.getByRole('img', { name: /虛擬健保卡就醫 QR 碼/ });

test('the card shows a one-time QR with a countdown, and Update makes a new one', async () => {
  await page.goto(`${BASE_URL}/`);
  await bindByPhone(page, PARENT);
  await page.getByRole('heading', { name: `${PARENT.name}，您好` }).waitFor();
  await applyForCard(page, BASE_URL, process.env.NHI_E2E_IMAGES, { phone: PARENT.mobile, email: 'mei@example.tw' });

  await qr().waitFor();
  const first = await page.locator('#qr-countdown').innerText();
  assert.match(first, /^0[45]:\d\d$/);
  await page.waitForTimeout(2200);
  const later = await page.locator('#qr-countdown').innerText();
  assert.notEqual(later, first, 'the countdown runs');
  await shot(page, '40-card-qr');

  const before = await qr().getAttribute('src');
  await page.getByRole('button', { name: '更新' }).click();
  await page.waitForFunction(
    (old) => document.querySelector('img.card-qr')?.getAttribute('src') !== old,
    before,
  );

  // Offline, Update keeps the code that still works and says why it cannot update.
  const kept = await qr().getAttribute('src');
  await phone.setOffline(true);
  await page.getByRole('button', { name: '更新' }).click();
  await page.getByText('目前的 QR 碼在倒數結束前仍可使用').waitFor();
  assert.equal(await qr().getAttribute('src'), kept, 'the still-valid code stays');
  await shot(page, '44-card-qr-offline');
  await phone.setOffline(false);
  // Back online, the next Update gives a fresh code and the notice goes.
  await page.getByRole('button', { name: '更新' }).click();
  await page.waitForFunction(
    (old) => document.querySelector('img.card-qr')?.getAttribute('src') !== old,
    kept,
  );
  await page.getByText('目前的 QR 碼在倒數結束前仍可使用').waitFor({ state: 'detached' });
});

test('Update by keyboard keeps the focus, and every new code is announced', async () => {
  const live = page.locator('.qr-panel [aria-live=polite]');
  const update = page.getByRole('button', { name: '更新' });
  await update.focus();
  const heard = [];
  for (let i = 0; i < 2; i += 1) {
    const before = await qr().getAttribute('src');
    // A second apart at least: the announcement names the new code's end to the second.
    await page.waitForTimeout(1100);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (old) => document.querySelector('img.card-qr')?.getAttribute('src') !== old,
      before,
    );
    await page.waitForFunction((old) => {
      const text = document.querySelector('.qr-panel [aria-live=polite]')?.innerText ?? '';
      return text.startsWith('已產生新的 QR 碼') && text !== old;
    }, heard.at(-1) ?? '');
    heard.push(await live.innerText());
    assert.equal(await page.evaluate(() => document.activeElement?.innerText?.trim()), '更新',
      'the focus stays on Update');
  }
  assert.match(heard[0], /^已產生新的 QR 碼，有效至 \d\d:\d\d:\d\d。$/);
  assert.notEqual(heard[0], heard[1], 'each Update is heard');
});

/** The number of usage records the card screen lists. */
async function usesListed() {
  const title = await page.locator('details.card-uses summary').innerText();
  return Number(title.match(/（(\d+) 筆）/)[1]);
}

test('the counter page verifies a screenshot and the app says where it was used', async () => {
  const screenshot = await screenshotOf(qr());
  const before = await usesListed();
  const used = await qr().getAttribute('src');

  const counter = await phone.newPage();
  await counter.goto(`${BASE_URL}/counter`);
  await presentAtCounter(counter, screenshot);
  await counter.locator('#holder-name').waitFor();
  assert.equal(await counter.locator('#holder-name').innerText(), PARENT.name);
  assert.match(await counter.locator('#visit-sequence').innerText(), /^V\d{3}$/);
  await counter.getByText('無照片：請核對身分證明文件').waitFor();
  await shot(counter, '41-counter-verified');

  // The counter stays signed in: the next patient needs no cards typed again.
  await counter.locator('#counter-signed-in').getByText('好心家庭醫學科診所').waitFor();
  assert.equal(await counter.getByLabel('安全模組卡金鑰').count(), 0);

  // The same screenshot again: refused in plain words, with the clinic-side code.
  await presentAtCounter(counter, screenshot);
  await counter.getByRole('alert').getByText('QR 碼已使用過 (1020)').waitFor();
  // In the clerk's language too, with what to tell the patient.
  await counter.getByRole('alert').getByText('QR 碼已使用過').waitFor();
  await counter.getByRole('alert').getByText(/請病人在 App 按「更新」/).waitFor();
  await shot(counter, '42-counter-reused');
  // Signing out of the counter asks for the cards again.
  await counter.getByRole('button', { name: '登出櫃檯' }).click();
  await counter.getByLabel('安全模組卡金鑰').waitFor();
  await counter.close();

  await page.getByText(/在「好心家庭醫學科診所」使用，已為您更新 QR 碼/).waitFor({ timeout: 15000 });
  // The usage records below agree with the notice, without leaving the screen.
  await page.waitForFunction((n) => {
    const title = document.querySelector('details.card-uses summary')?.innerText ?? '';
    return title.includes(`（${n} 筆）`);
  }, before + 1, { timeout: 5000 });
  await page.waitForFunction(
    (old) => document.querySelector('img.card-qr')?.getAttribute('src') !== old,
    used,
  );
  await shot(page, '43-card-qr-used');
});

test('the list of institutions that accept the card can be searched', async () => {
  await page.getByRole('link', { name: '哪些院所可使用虛擬健保卡？' }).click();
  await page.getByText('好心家庭醫學科診所').waitFor();
  await page.getByLabel('科別（如：小兒科）').fill('小兒科');
  await page.getByText('2 家院所').waitFor();
  await page.getByLabel('地區（如：臺北市）').fill('臺北市');
  await page.getByText('1 家院所').waitFor();
  await page.getByText('臺北市立聯合醫院仁愛院區').waitFor();
  await shot(page, '44-institutions');
  await page.getByLabel('院所名稱').fill('不存在的診所');
  await page.getByText('找不到符合的院所。').waitFor();
});
