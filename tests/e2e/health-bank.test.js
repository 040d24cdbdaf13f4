// My Health Bank in real chromium: request today's data, wait for the (short, demo) delay,
// refresh, browse outpatient visits page by page, open one; a category without records
// says "No data".

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, openPhone, shot } from './browser.js';
import { ADULT, bindByPhone } from './app.js';

let phone;
let page;
before(async () => ({ phone, page } = await openPhone()));
after(() => phone?.close());

test('request, wait, refresh, browse outpatient visits and open one', async () => {
  await page.goto(`${BASE_URL}/`);
  await bindByPhone(page, ADULT);
  await page.getByRole('heading', { name: `${ADULT.name}，您好` }).waitFor();
  await page.getByRole('link', { name: /健康存摺/ }).first().click();
  await page.getByRole('button', { name: '申請今日資料' }).click();
  await page.getByText('資料處理中，請約 10 分鐘後按「重新整理」。').waitFor();
  await page.getByText(/最近一次申請：1\d\d\/\d\d\/\d\d \d\d:\d\d/).waitFor();
  await shot(page, '50-health-bank-processing');

  await page.waitForTimeout(3500);
  await page.getByRole('button', { name: '重新整理' }).click();
  await page.getByRole('link', { name: '瀏覽 門診資料' }).waitFor();
  const inpatient = page.locator('li.category', { hasText: '住院資料' });
  await inpatient.getByText('無資料').waitFor();
  await shot(page, '51-health-bank-categories');

  // One request a day.
  await page.getByRole('button', { name: '申請今日資料' }).click();
  await page.getByText('今天已申請過資料，每天限申請一次。').waitFor();

  await page.getByRole('link', { name: '瀏覽 門診資料' }).click();
  const rows = page.locator('a.record');
  await rows.nth(19).waitFor();
  assert.equal(await rows.count(), 20, 'the first page');
  assert.match(await rows.first().locator('time').innerText(), /^1\d\d\/\d\d\/\d\d$/);
  await page.getByRole('button', { name: '載入更多' }).click();
  await rows.nth(39).waitFor();
  await page.getByRole('button', { name: '載入更多' }).click();
  await rows.nth(44).waitFor();
  assert.equal(await rows.count(), 45);
  assert.equal(await page.getByRole('button', { name: '載入更多' }).count(), 0, 'no more pages');
  await shot(page, '52-outpatient-visits');

  await rows.first().click();
  await page.getByText('健保點數').waitFor();
  await page.getByText('就醫院所').waitFor();
  await page.getByText('診斷').waitFor();
  await shot(page, '53-outpatient-visit');
});
