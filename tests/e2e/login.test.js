// Logging in to the web build of the app, served by the reference backend over HTTPS.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, openBrowser, shot } from './browser.js';
import { ADULT, bindByPhone, signIn } from './app.js';

let context;
let page;

before(async () => {
  context = await openBrowser();
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.error('page error:', error));
});

after(async () => {
  await context?.close();
});

test('the home screen shows the services over a trusted HTTPS connection', async () => {
  const response = await page.goto(`${BASE_URL}/`);
  assert.equal(response.status(), 200);
  assert.ok(BASE_URL.startsWith('https://'));
  await page.getByRole('heading', { name: '歡迎使用全民健保行動快易通' }).waitFor();
  // The services' tiles (the tab bar names some of them too).
  const tiles = page.getByRole('navigation', { name: '服務' });
  for (const service of ['虛擬健保卡', '健康存摺', '裝置認證']) {
    await tiles.getByText(service, { exact: true }).waitFor();
  }
  await shot(page, '01-home-signed-out');
});

test('a device that was never authenticated is sent to device authentication', async () => {
  await page.locator('section.greeting').getByRole('link', { name: '登入' }).click();
  await page.waitForURL('**/login');
  await signIn(page, ADULT.id, ADULT.password);
  await page.getByText('此裝置尚未為這個身分證號完成裝置認證').waitFor();
  await page.getByRole('link', { name: '前往裝置認證' }).waitFor();
  await shot(page, '02-login-device-not-bound');
});

test('the phone path binds this browser and signs the demo person in', async () => {
  await page.goto(`${BASE_URL}/`);
  await page.getByRole('link', { name: /^裝置認證/ }).first().click();
  await page.getByRole('link', { name: /行動電話認證/ }).waitFor();
  await shot(page, '03-device-authentication-choices');
  await page.goto(`${BASE_URL}/`);
  await bindByPhone(page, { ...ADULT, password: null });
  await page.getByText('電信業者已確認門號（中華電信）').waitFor();
  // The meter agrees with the rule: a refused password is named as such, never "medium",
  // and nothing typed is cut off silently.
  await page.getByLabel('設定註冊密碼').fill('abc');
  await page.getByText('密碼至少 6 碼。').waitFor();
  await page.getByLabel('設定註冊密碼').fill('abcdef');
  await page.getByText('密碼強度：弱').waitFor();
  await page.getByLabel('設定註冊密碼').fill('Wang@2026abcd');
  await page.getByText('13 / 12').waitFor();
  await page.getByText('密碼最多 12 碼。').waitFor();
  await page.getByLabel('設定註冊密碼').fill(ADULT.password);
  await page.getByText('密碼強度：強').waitFor();
  await page.getByLabel('再次輸入密碼').fill(ADULT.password);
  await shot(page, '04-phone-path-password');
  await page.getByRole('button', { name: '完成認證' }).click();

  await page.getByRole('heading', { name: `${ADULT.name}，您好` }).waitFor();
  await page.getByText('裝置認證完成，您已登入。').waitFor();
  const greeting = await page.locator('section.greeting').innerText();
  assert.match(greeting, /登入有效至 \d\d:\d\d/);
  assert.match(greeting, /（剩餘 (2 小時 0 分|1 小時 59 分)）/);
  await shot(page, '05-home-signed-in');

  // The session survives a reload (kept in this build's storage).
  await page.reload();
  await page.getByRole('heading', { name: `${ADULT.name}，您好` }).waitFor();
});

test('the account page shows the person with the birth date in the ROC calendar', async () => {
  await page.getByRole('link', { name: '我的' }).last().click();
  await page.waitForURL('**/me');
  await page.getByText('民國 70/01/01').waitFor();
  // The new screen's heading has the focus, not the tab that was pressed.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await page.getByText('A12****789').waitFor();
  await shot(page, '06-account');
});

test('signing out ends the session', async () => {
  await page.getByRole('button', { name: '登出' }).click();
  await page.getByText('您已登出。').waitFor();
  await page.getByRole('heading', { name: '歡迎使用全民健保行動快易通' }).waitFor();
  await shot(page, '07-signed-out');
});

test('the bound browser signs in again with ID and password', async () => {
  await page.goto(`${BASE_URL}/login`);
  await page.getByText('本裝置的帳號').waitFor();
  assert.equal(await page.getByLabel('身分證號／居留證號').inputValue(), ADULT.id);
  await page.getByLabel('註冊密碼').fill(ADULT.password);
  await page.getByRole('button', { name: '顯示密碼' }).click();
  assert.equal(await page.getByLabel('註冊密碼').getAttribute('type'), 'text');
  await shot(page, '08-login-filled');
  await page.getByRole('button', { name: '登入', exact: true }).click();
  await page.getByRole('heading', { name: `${ADULT.name}，您好` }).waitFor();
  await page.getByRole('link', { name: '我的' }).last().click();
  await page.getByRole('button', { name: '登出' }).click();
  await page.getByText('您已登出。').waitFor();
});

test('a wrong password shows the error and the remembered account stays offered', async () => {
  await page.goto(`${BASE_URL}/login`);
  await page.getByText('本裝置的帳號').waitFor();
  assert.equal(await page.getByLabel('身分證號／居留證號').inputValue(), ADULT.id);
  await page.getByLabel('註冊密碼').fill('Wrong@2026');
  await page.getByRole('button', { name: '登入', exact: true }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /身分證號或密碼錯誤。再錯 \d 次帳號將暫時鎖定。/);
  assert.equal(await page.getByLabel('身分證號／居留證號').inputValue(), ADULT.id);
  await shot(page, '09-wrong-password');
});

test('the screens switch to English', async () => {
  await page.getByLabel('語言').selectOption('en');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Registration password').fill('Wrong@2026');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByText(/Wrong ID number or password\./).waitFor();
  await shot(page, '10-english');
});
