// A video visit in real chromium with two browsers: the clinic's counter page requests the
// patient's card, the patient's phone shows the request (a badge on the home tile, the request
// on the card screen), Allow gives the counter the verification without a reload; a second
// request is declined and a third cancelled by the clinic, each shown on both sides.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, openBrowser, openPhone, shot } from './browser.js';
import { ADULT, applyForCard, bindByPhone, requestVideoVisit, signInCounter } from './app.js';
import { assertQrInView, PHONES, problems } from './layout.js';

let phone;
let page;
let desk;
let counter;

before(async () => {
  ({ phone, page } = await openPhone());
  desk = await openBrowser();
  counter = desk.pages()[0] ?? (await desk.newPage());
  counter.on('pageerror', (e) => console.error('counter page error:', e));
});

after(async () => {
  await phone?.close();
  await desk?.close();
});

/** The clerk sends a request for the patient's card and lands on the request's own page. */
const requestCard = (message) => requestVideoVisit(counter, BASE_URL, ADULT.id, message);

/** The request on the phone's card screen, found by its note. */
const requestOnPhone = (message) => page.locator('li.video-visit', { hasText: message });

test('the clinic asks, the home tile says so, the patient allows, the counter sees who it is', async () => {
  await page.goto(`${BASE_URL}/`);
  await bindByPhone(page, ADULT);
  await page.getByRole('heading', { name: `${ADULT.name}，您好` }).waitFor();
  await page.goto(`${BASE_URL}/card`);
  await page.getByRole('heading', { name: '虛擬健保卡', level: 1 }).waitFor();
  // Earlier tests leave this card rejected (and a fresh backend has none): apply when there
  // is no QR to show.
  await page.locator('img.card-qr, section.virtual-card a.button.primary').first().waitFor();
  if (!(await page.locator('img.card-qr').count())) {
    await applyForCard(page, BASE_URL, process.env.NHI_E2E_IMAGES, { phone: ADULT.mobile, email: 'wang@example.tw' });
  }

  // The counter signs in with its card readers (nothing to verify yet), then asks.
  await counter.goto(`${BASE_URL}/counter`);
  await counter.getByText('請先插入讀卡機的卡片').waitFor();
  await signInCounter(counter, BASE_URL);
  await requestCard('林醫師 14:30 LINE 視訊');
  await shot(counter, 'video-01-counter-waiting');

  await page.goto(`${BASE_URL}/`);
  const badge = page.locator('.tile .badge');
  await badge.waitFor();
  assert.equal(await badge.innerText(), '1 項視訊診療請求待回覆');
  await shot(page, 'video-02-home-badge');

  await page.getByRole('link', { name: /虛擬健保卡/ }).first().click();
  const request = requestOnPhone('林醫師 14:30 LINE 視訊');
  await request.waitFor();
  assert.match(await request.innerText(), /好心家庭醫學科診所（3501200000）/);
  assert.match(await request.innerText(), /家醫科・視訊時間/);
  for (const size of PHONES) {
    await page.setViewportSize(size);
    assert.deepEqual(await problems(page, `video request ${size.width}`), []);
    // The answer buttons are on the first screen, above the QR.
    const allow = await request.getByRole('button', { name: '同意' }).boundingBox();
    assert.ok(allow.y + allow.height <= size.height, `Allow in view at ${size.width}: ${allow.y}`);
  }
  await page.setViewportSize({ width: 360, height: 640 });
  await shot(page, 'video-03-phone-request-360');

  await request.getByRole('button', { name: '同意' }).click();
  await page.getByText(/已同意：好心家庭醫學科診所 已取得您的健保卡資料，就醫序號 V\d{3}。/).waitFor();
  await request.getByText(/王小明 已同意，就醫序號 V\d{3}。/).waitFor();

  // The counter page, never reloaded, shows the verification.
  await counter.getByText('病人已同意。').waitFor();
  const visit = await counter.locator('#visit-sequence').innerText();
  assert.match(visit, /^V\d{3}$/);
  assert.equal(await counter.locator('#holder-name').innerText(), ADULT.name);
  assert.equal(await counter.locator('#presented-by').innerText(), '本人');
  assert.deepEqual(await problems(counter, 'counter allowed'), []);
  await shot(counter, 'video-04-counter-allowed');

  // The use is in the card's records, marked as a video visit.
  await page.getByText(/使用紀錄（\d+ 筆）/).click();
  await page.locator('.card-uses li', { hasText: visit }).getByText('視訊診療').waitFor();
  await page.setViewportSize({ width: 400, height: 860 });
  // From the top, so the sticky title bar is where a person sees it in the full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'video-05-phone-allowed');
});

test('a declined request and a cancelled one are told on both sides', async () => {
  await requestCard('第二次：請稍候');
  const second = requestOnPhone('第二次：請稍候');
  await second.getByRole('button', { name: '拒絕' }).click();
  await second.getByText('王小明 已拒絕。').waitFor();
  await counter.getByText('病人已拒絕，請改用其他方式核對身分。').waitFor();
  assert.equal(await counter.getByRole('button', { name: '取消請求' }).count(), 0);

  await requestCard('第三次：稍後取消');
  const third = requestOnPhone('第三次：稍後取消');
  await third.getByRole('button', { name: '同意' }).waitFor();
  await counter.getByRole('button', { name: '取消請求' }).click();
  await counter.getByText('已取消這項請求。').waitFor();
  // The phone learns it by itself: nothing left to answer, and why.
  await third.getByText('診所已取消這項請求。').waitFor();
  assert.equal(await third.getByRole('button', { name: '同意' }).count(), 0);
  // Nothing waits any more: the ended requests sit below the card, the QR is back in view.
  await page.setViewportSize({ width: 360, height: 640 });
  await assertQrInView(page, 'after the requests ended');
  await page.setViewportSize({ width: 400, height: 860 });
  await shot(page, 'video-06-phone-declined-cancelled');
  await shot(counter, 'video-07-counter-cancelled');

  // The counter's front page lists the three, newest first, to go back to any of them (with
  // the requests other tests made for other patients).
  await counter.goto(`${BASE_URL}/counter`);
  // By the masked ID: the name shows only where the patient allowed.
  const masked = `${ADULT.id.slice(0, 3)}****${ADULT.id.slice(7)}`;
  const recent = counter.locator('.video-visit-list li', { hasText: masked });
  assert.deepEqual(await recent.evaluateAll((items) => items.map((li) => li.dataset.state)),
    ['cancelled', 'declined', 'allowed']);
  assert.deepEqual(await recent.evaluateAll((items, name) => items.map((li) => li.textContent.includes(name)), ADULT.name),
    [false, false, true]);
  await counter.setViewportSize({ width: 360, height: 640 });
  assert.deepEqual(await problems(counter, 'counter recent requests'), []);
  await shot(counter, 'video-08-counter-recent');
  await recent.last().getByRole('link').click();
  await counter.getByText('病人已同意。').waitFor();
  assert.match(await counter.locator('#visit-sequence').innerText(), /^V\d{3}$/);
});
