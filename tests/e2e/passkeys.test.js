// 生物辨識輔助登入 in the web build, in real chromium: a passkey on the device's own
// authenticator (the DevTools protocol's virtual one, with user verification), turned on
// under 我的, used on the login screen after signing out — at 360 px, axe clean. WebAuthn
// names a site by its domain, so the app is opened at localhost (the backend's certificate
// names it too).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, openPhone, shot } from './browser.js';
import { ADULT, bindByPhone } from './app.js';
import { problems } from './layout.js';

const SITE = BASE_URL.replace('127.0.0.1', 'localhost');
let phone;
let page;
let cdp;
let authenticatorId;

before(async () => {
  ({ phone, page } = await openPhone());
  await page.setViewportSize({ width: 360, height: 740 });
  cdp = await phone.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  ({ authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  }));
});

after(async () => {
  await phone?.close();
});

async function credentials() {
  return (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
}

test('a passkey is turned on under 我的 and listed with this browser', async () => {
  await page.goto(`${SITE}/`);
  await bindByPhone(page, ADULT);
  await page.getByRole('heading', { name: `${ADULT.name}，您好` }).waitFor();
  await page.getByRole('link', { name: '我的' }).last().click();
  await page.getByRole('heading', { name: '生物辨識輔助登入' }).waitFor();
  await page.getByText('尚無裝置開啟生物辨識輔助登入。').waitFor();
  await page.getByRole('button', { name: '在這台裝置開啟' }).click();
  await page.getByText('已在這台裝置開啟生物辨識輔助登入。').first().waitFor();
  const item = page.locator('.quick-sign-in-key');
  await item.getByText('網頁版 Web browser').waitFor();
  await item.getByText('（這台裝置）').waitFor();
  await item.getByText(/尚未使用/).waitFor();
  assert.equal((await credentials()).length, 1, 'the authenticator holds one passkey');
  const found = await problems(page, 'quick sign-in settings @360');
  assert.deepEqual(found, []);
  await shot(page, '60-quick-sign-in-on');
});

test('signed out, the login screen signs in with the passkey alone', async () => {
  await page.getByRole('button', { name: '登出' }).click();
  await page.getByText('您已登出。').waitFor();
  await page.goto(`${SITE}/login`);
  const quick = page.getByRole('button', { name: '生物辨識輔助登入' });
  await quick.waitFor();
  // After the password sign-in, as the manual's login screen orders them.
  const password = await page.getByRole('button', { name: '登入', exact: true }).boundingBox();
  assert.ok((await quick.boundingBox()).y > password.y);
  const found = await problems(page, 'login with quick sign-in @360');
  assert.deepEqual(found, []);
  await shot(page, '61-login-quick-sign-in');
  await quick.click();
  await page.getByRole('heading', { name: `${ADULT.name}，您好` }).waitFor();
  const greeting = await page.locator('section.greeting').innerText();
  assert.match(greeting, /（剩餘 (2 小時 0 分|1 小時 59 分)）/);
  const [passkey] = await credentials();
  assert.ok(passkey.signCount >= 2, `the passkey signed twice (enrol, sign in): ${passkey.signCount}`);
});

test('without user verification the browser cannot sign in, and the password still works', async () => {
  await page.getByRole('link', { name: '我的' }).last().click();
  await page.getByText(/上次使用/).waitFor();
  await page.getByRole('button', { name: '登出' }).click();
  await page.getByText('您已登出。').waitFor();
  await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
  await page.goto(`${SITE}/login`);
  await page.getByRole('button', { name: '生物辨識輔助登入' }).click();
  await page.getByRole('alert').getByText(/已取消驗證|未通過驗證/).waitFor();
  await shot(page, '62-login-quick-sign-in-refused');
  await page.getByLabel('註冊密碼').fill(ADULT.password);
  await page.getByRole('button', { name: '登入', exact: true }).click();
  await page.getByRole('heading', { name: `${ADULT.name}，您好` }).waitFor();
});
