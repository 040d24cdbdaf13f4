// Authorizing a family member in real chromium, with two phones (two browser profiles): the
// father authorizes his daughter; she redeems one code by typing it and another by scanning a
// screenshot of its QR; she shows his card at the counter, where the clerk sees who presented
// it; he sees the use, cancels, and her screen stops showing his card at once.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE_URL, openBrowser, SCREENSHOTS, screenshotOf, shot } from './browser.js';
import { applyForCard, approveInConsole, bindByPhone, presentAtCounter } from './app.js';
import { assertQrInView, PHONES, problems } from './layout.js';

const FATHER = { id: 'H120246804', password: 'Lin@1938ok', name: '林清水', last4: '6804', mobile: '0988123456' };
const DAUGHTER = { id: 'H221357915', password: 'Chin#1968', name: '林秀琴', last4: '7915', mobile: '0988654321' };
const IMAGES = process.env.NHI_E2E_IMAGES;

let fatherPhone;
let daughterPhone;
let father;
let daughter;

/** A date in Taiwan (where periods are counted), `days` from today, as yyyy-mm-dd. */
function taiwanDate(days) {
  return new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);
}

before(async () => {
  fatherPhone = await openBrowser();
  daughterPhone = await openBrowser();
  father = fatherPhone.pages()[0] ?? (await fatherPhone.newPage());
  daughter = daughterPhone.pages()[0] ?? (await daughterPhone.newPage());
  for (const page of [father, daughter]) page.on('pageerror', (e) => console.error('page error:', e));
});

after(async () => {
  await fatherPhone?.close();
  await daughterPhone?.close();
});

/** The father's "Authorize" form, filled and sent. */
async function authorizeDaughter({ startsOn, endsOn } = {}) {
  await father.getByLabel('被授權人身分證號／居留證號').fill(DAUGHTER.id);
  if (startsOn) await father.getByLabel('開始日期').fill(startsOn);
  if (endsOn) await father.getByLabel('結束日期').fill(endsOn);
  await father.getByLabel('同意授權對方使用我的虛擬健保卡').check();
  await father.getByRole('button', { name: '產生授權碼' }).click();
}

test('both need an approved card; the father authorizes and the daughter types his ID and the code', async () => {
  await father.goto(`${BASE_URL}/`);
  await bindByPhone(father, FATHER);
  await father.getByRole('heading', { name: `${FATHER.name}，您好` }).waitFor();
  await applyForCard(father, BASE_URL, IMAGES, { phone: FATHER.mobile, email: 'lin.father@example.tw' });
  await approveInConsole(BASE_URL, FATHER.name);

  await daughter.goto(`${BASE_URL}/`);
  await bindByPhone(daughter, DAUGHTER);
  await daughter.getByRole('heading', { name: `${DAUGHTER.name}，您好` }).waitFor();

  // The daughter has no card yet: said plainly, and nothing typed is lost.
  await father.getByRole('link', { name: '授權使用' }).click();
  assert.equal(await father.getByLabel('開始日期').inputValue(), taiwanDate(0));
  assert.equal(await father.getByLabel('結束日期').inputValue(), taiwanDate(29));
  await authorizeDaughter();
  await father.getByRole('alert').getByText('被授權人尚未申辦虛擬健保卡，雙方都須持有虛擬健保卡。').waitFor();
  assert.equal(await father.getByLabel('被授權人身分證號／居留證號').inputValue(), DAUGHTER.id);

  await applyForCard(daughter, BASE_URL, IMAGES, { phone: DAUGHTER.mobile, email: 'lin.daughter@example.tw' });
  // Hers under review is not enough: both sides need approved cards (the manual's rule).
  await father.getByRole('button', { name: '產生授權碼' }).click();
  await father.getByRole('alert').getByText(/對方的虛擬健保卡尚在審核中/).waitFor();
  await approveInConsole(BASE_URL, DAUGHTER.name);
  await father.getByRole('button', { name: '產生授權碼' }).click();
  const codeField = father.locator('#authorization-code');
  await codeField.waitFor();
  const code = await codeField.innerText();
  assert.match(code, /^\d{6}$/);
  const first = await father.locator('#offer-countdown').innerText();
  await father.waitForTimeout(1500);
  assert.notEqual(await father.locator('#offer-countdown').innerText(), first, 'the countdown runs');
  await shot(father, '60-authorize-code');

  await daughter.goto(`${BASE_URL}/`);
  await daughter.getByRole('link', { name: /授權管理/ }).click();
  await daughter.getByRole('link', { name: '取得授權' }).click();
  await daughter.getByLabel('授權人身分證號／居留證號').fill(FATHER.id);
  await daughter.getByLabel('授權碼（6 位數字）').fill(code === '000000' ? '000001' : '000000');
  await daughter.getByRole('button', { name: '取得授權' }).click();
  await daughter.getByRole('alert').getByText(/授權碼不正確.*（尚可再試 4 次）/).waitFor();
  await daughter.getByLabel('授權碼（6 位數字）').fill(code);
  await daughter.getByRole('button', { name: '取得授權' }).click();
  await daughter.getByText(`已取得 ${FATHER.name} 的授權`).waitFor();
  await daughter.getByText('林清水（H12****804）的虛擬健保卡').waitFor();
  await shot(daughter, '61-allowed-authorization');

  await father.getByText(`${DAUGHTER.name} 已接受授權`).waitFor({ timeout: 10000 });
  await shot(father, '62-authorization-accepted');
});

test('a second authorization, for next month, is redeemed from a screenshot of its QR', async () => {
  await father.getByRole('link', { name: '查看授權' }).click();
  await father.getByRole('link', { name: '授權使用我的卡' }).click();
  await authorizeDaughter({ startsOn: taiwanDate(30), endsOn: taiwanDate(59) });
  const qr = father.getByRole('img', { name: /授權 QR 碼/ });
  await qr.waitFor();
  const screenshot = await screenshotOf(qr);

  await daughter.goto(`${BASE_URL}/authorizations/get`);
  await daughter.locator('input[type=file]').first().setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: screenshot });
  await daughter.getByText(`已取得 ${FATHER.name} 的授權`).waitFor();
  await daughter.getByText('尚未開始').waitFor();
  await father.getByText(`${DAUGHTER.name} 已接受授權`).waitFor({ timeout: 10000 });
});

test('the daughter shows his card; the counter sees it is her presenting it', async () => {
  await daughter.getByRole('link', { name: `使用此卡就醫 ${FATHER.name}（H12****804）的虛擬健保卡` }).click();
  // Ticking it is the acceptance: the card replaces the question.
  await daughter.getByLabel('同意接受授權，並僅於協助其就醫時使用').click();
  await daughter.getByText(`受託出示：由 ${DAUGHTER.name} 代 ${FATHER.name} 出示`).waitFor();
  const qr = daughter.getByRole('img', { name: /虛擬健保卡就醫 QR 碼/ });
  await qr.waitFor();
  await shot(daughter, '63-delegate-card');
  // Her phone shows his whole QR, its countdown and Update without scrolling, and the
  // screen passes the layout checks, on a small phone too.
  const found = [];
  for (const { width, height } of PHONES) {
    await daughter.setViewportSize({ width, height });
    await daughter.screenshot({ path: join(SCREENSHOTS, `layout-${width}-delegate-card.png`) });
    await assertQrInView(daughter, `delegate card @${width}`);
    found.push(...(await problems(daughter, `delegate card @${width}`)));
  }
  await daughter.setViewportSize({ width: 400, height: 820 });
  assert.deepEqual(found, [], found.join('\n'));

  const counter = await daughterPhone.newPage();
  await counter.goto(`${BASE_URL}/counter`);
  await presentAtCounter(counter, await screenshotOf(qr));
  await counter.locator('#holder-name').waitFor();
  assert.equal(await counter.locator('#holder-name').innerText(), FATHER.name);
  assert.equal(await counter.locator('#presented-by').innerText(), `受託人：${DAUGHTER.name}（H22****915）`);
  await shot(counter, '64-counter-delegate');
  await counter.close();

  await daughter.getByText(/在「好心家庭醫學科診所」使用，已為您更新 QR 碼/).waitFor({ timeout: 15000 });
});

test('the father sees the use and cancels; her screen stops showing his card at once', async () => {
  await father.getByRole('link', { name: '查看授權' }).click();
  const used = father.locator('li.authorization.granted', { hasText: '好心家庭醫學科診所' });
  await used.waitFor();
  assert.match(await used.innerText(), /使用紀錄[\s\S]*1\d\d\/\d\d\/\d\d \d\d:\d\d 好心家庭醫學科診所/);
  await shot(father, '65-usage-records');

  // The lists with real entries pass the layout checks on a phone, for both of them.
  // (Hers in a second tab: her delegate screen stays open for what follows.)
  const hers = await daughterPhone.newPage();
  await hers.goto(`${BASE_URL}/authorizations`);
  await hers.getByText(FATHER.name).first().waitFor();
  const found = [];
  for (const { width, height } of PHONES) {
    for (const [who, p] of [['father', father], ['daughter', hers]]) {
      await p.setViewportSize({ width, height });
      found.push(...(await problems(p, `${who}'s authorizations @${width}`)));
    }
  }
  await hers.close();
  await father.setViewportSize({ width: 400, height: 820 });
  assert.deepEqual(found, [], found.join('\n'));

  await used.getByRole('button', { name: `取消授權 ${DAUGHTER.name}` }).click();
  await used.getByRole('button', { name: `確定取消授權 ${DAUGHTER.name}` }).click();
  await father.getByText('已取消、到期或未接受的授權').waitFor();
  await shot(father, '66-cancelled');

  // On a phone a swipe to the left opens the same confirmation; "Keep it" keeps it.
  const next = father.locator('li.authorization.granted', { hasText: '尚未開始' });
  const box = await next.boundingBox();
  await father.mouse.move(box.x + box.width - 20, box.y + 20);
  await father.mouse.down();
  await father.mouse.move(box.x + 20, box.y + 20, { steps: 5 });
  await father.mouse.up();
  await next.getByRole('button', { name: `確定取消授權 ${DAUGHTER.name}` }).waitFor();
  assert.equal(await father.evaluate(() => document.activeElement.innerText), '保留', 'the question takes the focus');
  await next.getByRole('button', { name: '保留' }).click();
  assert.equal(await next.getByRole('button', { name: `確定取消授權 ${DAUGHTER.name}` }).count(), 0);
  await father.waitForFunction(() => document.activeElement.innerText === '取消授權');
  assert.equal(await father.evaluate(() => document.activeElement.getAttribute('aria-label')), `取消授權 ${DAUGHTER.name}`,
    'the focus is back on the button that asked');

  // Her delegate screen is still open: the code leaves it within seconds, with the reason.
  await daughter.getByText(/此授權已取消/).waitFor({ timeout: 15000 });
  assert.equal(await daughter.getByRole('img', { name: /虛擬健保卡就醫 QR 碼/ }).count(), 0);
  await shot(daughter, '67-delegate-cancelled');
  await daughter.goto(`${BASE_URL}/authorizations`);
  await daughter.getByText('已取消、到期或未接受的授權').waitFor();
  assert.equal(await daughter.getByRole('link', { name: /^使用此卡就醫 / }).count(), 0, 'no card left to show now');
});
