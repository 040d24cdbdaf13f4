// Device authentication in real chromium: the prepaid refusal, the whole device-code path
// through the registration website (typed and scanned), and device management.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, focused, openBrowser, screenshotOf, shot } from './browser.js';
import { ADULT, bindByPhone, signIn } from './app.js';

const CAREGIVER = { id: 'F913579249', last4: '9249', mobile: '0955666777' };
const NEW_PERSON = {
  id: 'E124680130', name: '陳志豪', card: '000024680130', birth: '1988-04-12',
  password: 'Chen@2026', mobile: '0966777888', email: 'chen@example.tw',
};

let phoneA; // the person's first device (binds by typing the code)
let phoneB; // a second device (binds by scanning a screenshot of the QR)
let pageA;
let pageB;

before(async () => {
  phoneA = await openBrowser();
  phoneB = await openBrowser();
  pageA = phoneA.pages()[0] ?? (await phoneA.newPage());
  pageB = phoneB.pages()[0] ?? (await phoneB.newPage());
  for (const page of [pageA, pageB]) page.on('pageerror', (e) => console.error('page error:', e));
});

after(async () => {
  await phoneA?.close();
  await phoneB?.close();
});

test('the phone path: each step takes the focus; back and a reload keep the ID and the number', async () => {
  await pageB.goto(`${BASE_URL}/device-authentication/phone`);
  await pageB.getByRole('button', { name: '開始認證' }).click();
  // The terms come first; the number step cannot be reached around them.
  await pageB.getByRole('heading', { name: '使用者條款及個人隱私權聲明' }).waitFor();
  await pageB.goto(`${BASE_URL}/device-authentication/phone?step=number`);
  await pageB.getByRole('heading', { name: '使用者條款及個人隱私權聲明' }).waitFor();
  await pageB.getByRole('button', { name: '同意', exact: true }).click();
  await pageB.getByRole('heading', { name: '輸入身分資料' }).waitFor();
  assert.equal(await focused(pageB), 'h2: 輸入身分資料');
  await pageB.getByLabel('身分證號／居留證號').fill(CAREGIVER.id);
  await pageB.getByLabel('健保卡號末 4 碼').fill(CAREGIVER.last4);
  await pageB.getByLabel('手機號碼').fill(CAREGIVER.mobile);

  await pageB.reload();
  await pageB.getByRole('heading', { name: '輸入身分資料' }).waitFor();
  assert.equal(await pageB.getByLabel('身分證號／居留證號').inputValue(), CAREGIVER.id);
  assert.equal(await pageB.getByLabel('手機號碼').inputValue(), CAREGIVER.mobile);
  assert.equal(await pageB.getByLabel('健保卡號末 4 碼').inputValue(), '', 'the card digits are not kept');

  await pageB.getByRole('button', { name: '上一步' }).click();
  await pageB.getByRole('heading', { name: '使用者條款及個人隱私權聲明' }).waitFor();
  await pageB.goForward();
  await pageB.getByRole('heading', { name: '輸入身分資料' }).waitFor();
  assert.equal(await pageB.getByLabel('身分證號／居留證號').inputValue(), CAREGIVER.id);
});

test('a reload at the password step falls back to the number step, and one Back leaves it', async () => {
  // Reaching the password step binds nothing: the device is bound only when it is sent.
  await pageB.goto(`${BASE_URL}/device-authentication/phone`);
  await pageB.getByRole('button', { name: '開始認證' }).click();
  await pageB.getByRole('button', { name: '同意', exact: true }).click();
  await pageB.getByLabel('身分證號／居留證號').fill(ADULT.id);
  await pageB.getByLabel('健保卡號末 4 碼').fill(ADULT.last4);
  await pageB.getByLabel('手機號碼').fill(ADULT.mobile);
  await pageB.getByRole('button', { name: '下一步' }).click();
  await pageB.getByRole('heading', { name: /最後一步/ }).waitFor();

  // What the carrier confirmed is not kept over a reload: the number step again, in place
  // of the password step in the history (not on top of it).
  await pageB.reload();
  await pageB.getByRole('heading', { name: '輸入身分資料' }).waitFor();
  await pageB.waitForURL(/step=number/);
  await pageB.goBack();
  await pageB.getByRole('heading', { name: '使用者條款及個人隱私權聲明' }).waitFor();
});

test('a prepaid number is refused and pointed to device code authentication', async () => {
  await pageA.goto(`${BASE_URL}/`);
  await bindByPhone(pageA, { ...CAREGIVER, password: null });
  const alert = pageA.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /預付卡門號無法進行行動電話認證/);
  await pageA.getByRole('link', { name: '改用裝置碼認證' }).waitFor();
  await shot(pageA, '20-prepaid-refused');
});

/** Opens the registration website in a tab of `context` and returns the tab. */
async function website(context) {
  const site = await context.newPage();
  await site.goto(`${BASE_URL}/register`);
  return site;
}

async function produceCode(site) {
  await site.goto(`${BASE_URL}/register/device-code`);
  await site.getByRole('button', { name: /產生驗證碼/ }).click();
  await site.locator('#device-code').waitFor();
  return (await site.locator('#device-code').innerText()).trim();
}

test('register on the website and confirm the e-mail from the outbox', async () => {
  const site = await website(phoneA);
  await site.getByRole('link', { name: /健保卡註冊/ }).click();
  // The rules come first: without "I have read" the application is refused, nothing lost.
  await site.getByRole('region', { name: '全民健康保險網路服務註冊管理作業要點' }).waitFor();
  await site.getByLabel('健保卡號').fill(NEW_PERSON.card);
  await site.getByLabel('姓名').fill(NEW_PERSON.name);
  await site.getByLabel('身分證號').fill(NEW_PERSON.id);
  await site.getByLabel('出生日期').fill(NEW_PERSON.birth);
  await site.getByLabel('密碼', { exact: true }).fill(NEW_PERSON.password);
  await site.getByText('密碼強度：強').waitFor();
  await site.getByLabel('再次輸入密碼').fill(NEW_PERSON.password);
  await site.getByLabel('手機號碼').fill(NEW_PERSON.mobile);
  await site.getByLabel('電子郵件').fill(NEW_PERSON.email);
  await site.getByRole('button', { name: '送出申請' }).click();
  await site.getByText('請閱讀註冊管理作業要點').waitFor();
  assert.equal(await site.getByLabel('電子郵件').inputValue(), NEW_PERSON.email);
  await site.getByLabel('密碼', { exact: true }).fill(NEW_PERSON.password);
  await site.getByLabel('再次輸入密碼').fill(NEW_PERSON.password);
  await site.getByLabel('我已閱讀完畢，並瞭解相關規定').check();
  await shot(site, '21-website-apply');
  await site.getByRole('button', { name: '送出申請' }).click();
  await site.getByText(`確認信已寄到 ${NEW_PERSON.email}`).waitFor();

  await site.goto(`${BASE_URL}/outbox`);
  await shot(site, '22-outbox');
  await site.getByRole('link', { name: /\/register\/confirm\?token=/ }).first().click();
  await site.getByRole('heading', { name: '註冊完成' }).waitFor();

  await site.goto(`${BASE_URL}/register/login`);
  await site.getByLabel('身分證號').fill(NEW_PERSON.id);
  await site.getByLabel('註冊密碼').fill(NEW_PERSON.password);
  await site.getByRole('button', { name: '登入' }).click();
  await site.waitForURL('**/register/device-code');
  await site.close();
});

test('the app binds by the typed code, then signs in with the website password', async () => {
  const site = await website(phoneA);
  const code = await produceCode(site);
  assert.match(code, /^[A-Za-z2-9]{8}$/);
  await shot(site, '23-website-device-code');
  await site.close();

  await pageA.goto(`${BASE_URL}/device-authentication/code`);
  await pageA.getByRole('button', { name: '我已取得驗證碼' }).click();
  // Case matters: the same letters in the other case are refused.
  const swapped = [...code].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
  if (swapped !== code) {
    await pageA.getByLabel('或輸入驗證碼（大小寫須相同）').fill(swapped);
    await pageA.getByRole('button', { name: '完成認證' }).click();
    // Either refused by the server, or (a letter that never appears in codes) on the device.
    await pageA.getByText(/驗證碼不正確|驗證碼中不會出現/).waitFor();
  }
  await pageA.getByLabel('或輸入驗證碼（大小寫須相同）').fill(code);
  await pageA.getByRole('button', { name: '完成認證' }).click();
  await pageA.waitForURL('**/login');
  await pageA.getByText(`${NEW_PERSON.name} 的裝置認證完成，請以註冊密碼登入。`).waitFor();
  assert.equal(await pageA.getByLabel('身分證號／居留證號').inputValue(), NEW_PERSON.id);
  await pageA.getByLabel('註冊密碼').fill(NEW_PERSON.password);
  await pageA.getByRole('button', { name: '登入', exact: true }).click();
  await pageA.getByRole('heading', { name: `${NEW_PERSON.name}，您好` }).waitFor();
  await shot(pageA, '24-code-path-signed-in');
});

test('a second device binds by scanning a screenshot of the QR', async () => {
  const site = await website(phoneA);
  await produceCode(site);
  const screenshot = await screenshotOf(site.locator('#device-code-qr'));
  await site.close();

  await pageB.goto(`${BASE_URL}/device-authentication/code`);
  await pageB.getByRole('button', { name: '我已取得驗證碼' }).click();
  await pageB.locator('input[type=file]').first().setInputFiles({
    name: 'qr.png',
    mimeType: 'image/png',
    buffer: screenshot,
  });
  await pageB.waitForURL('**/login');
  await signIn(pageB, NEW_PERSON.id, NEW_PERSON.password);
  await pageB.getByRole('heading', { name: `${NEW_PERSON.name}，您好` }).waitFor();
  await shot(pageB, '25-scan-path-signed-in');
});

test('a photo without a QR code gets a clear message, not a crash', async () => {
  await pageB.goto(`${BASE_URL}/device-authentication/code`);
  await pageB.getByRole('button', { name: '我已取得驗證碼' }).click();
  await pageB.locator('input[type=file]').first().setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('this is not a photo'),
  });
  await pageB.getByText('這不是可讀取的圖片，或檔案太大。').waitFor();
});

test('device management switches the active device; the other can no longer sign in', async () => {
  const site = await website(phoneA);
  await site.goto(`${BASE_URL}/register/devices`);
  await site.getByText('使用中', { exact: true }).waitFor();
  await shot(site, '26-website-devices-before');
  // The device that scanned (B) is active; make the first one (A) active again.
  await site.getByRole('button', { name: /設為使用中/ }).click();
  await site.waitForURL('**/register/devices');
  await shot(site, '27-website-devices-after');
  await site.close();

  for (const page of [pageA, pageB]) {
    await page.goto(`${BASE_URL}/me`);
    await page.getByRole('button', { name: '登出' }).click();
    await page.getByText('您已登出。').waitFor();
  }
  await pageB.goto(`${BASE_URL}/login`);
  await signIn(pageB, NEW_PERSON.id, NEW_PERSON.password);
  await pageB.getByText(/此帳號已改由其他裝置使用/).waitFor();
  await shot(pageB, '28-inactive-device-refused');

  await pageA.goto(`${BASE_URL}/login`);
  await signIn(pageA, NEW_PERSON.id, NEW_PERSON.password);
  await pageA.getByRole('heading', { name: `${NEW_PERSON.name}，您好` }).waitFor();
});
