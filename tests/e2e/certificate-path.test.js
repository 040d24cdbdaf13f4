// The citizen-certificate path in real chromium, as its own pages (健康存摺操作說明): 個人健保資料網路
// 服務作業 → sign in with the certificate → 行動裝置帳號申請 (already done for 王小明) → 行動裝置認證 →
// 產生裝置認證碼, at 360 px, axe clean.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, openPhone, shot } from './browser.js';
import { problems } from './layout.js';

const WANG = { id: 'A123456789', name: '王小明', birth: '1981-01-01', certificate: '5ALXDWELO8G9K1NZ' };

let phone;
let page;
before(async () => {
  ({ phone, page } = await openPhone());
  await page.setViewportSize({ width: 360, height: 740 });
});
after(() => phone?.close());

async function clean(name) {
  const found = await problems(page, name);
  assert.deepEqual(found, [], found.join('\n'));
}

test('sign in with the citizen certificate and produce a device code for the app', async () => {
  await page.goto(`${BASE_URL}/register`);
  await page.getByRole('link', { name: /自然人憑證註冊/ }).click();
  await page.getByRole('heading', { name: '個人健保資料網路服務作業' }).waitFor();
  await page.getByLabel('憑證序號').fill(WANG.certificate);
  await page.getByLabel('姓名').fill(WANG.name);
  await page.getByLabel('身分證號').fill(WANG.id);
  await page.getByLabel('出生日期').fill(WANG.birth);
  await clean('certificate sign-in @360');
  await shot(page, '80-certificate-sign-in');
  await page.getByRole('button', { name: '以自然人憑證登入' }).click();

  await page.getByText(`已以自然人憑證登入： ${WANG.name}`).waitFor();
  await clean('certificate menu @360');
  await page.getByRole('link', { name: '行動裝置帳號申請' }).click();
  await page.getByText(/您已有行動裝置帳號/).waitFor();
  await page.getByRole('link', { name: '行動裝置認證' }).click();
  await page.getByRole('button', { name: /產生驗證碼/ }).click();
  const code = await page.locator('#device-code').innerText();
  assert.match(code, /^[A-Za-z0-9]{8}$/);
  await clean('certificate device code @360');
  await shot(page, '81-certificate-device-code');
});
