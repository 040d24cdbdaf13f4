// A person's life with the account, in real chromium: an Indonesian caregiver on a prepaid SIM
// registers on the registration website in her language and binds her phone by device code;
// she forgets her password, gets a new one through the website (card reader, the link from the
// outbox) and signs in on her phone with it. Then the way-finding of the login screen: the
// 裝置認證 button, the two ways back from a forgotten password, and a sign-in asked for by the
// card screen that comes back to the card.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, openPhone, shot } from './browser.js';
import { bindByPhone, signIn } from './app.js';
import { problems } from './layout.js';

const DEWI = {
  id: 'F924681358', name: 'DEWI LESTARI', card: '000024681358', birth: '1995-05-20',
  mobile: '0977246813', email: 'dewi@example.id', password: 'Dewi@2026', newPassword: 'Lestari#95',
};
const PARENT = { id: 'A223456781', password: 'Mei#1946ok', name: '王陳美玉', last4: '6781', mobile: '0922333444' };
/** The login screen's labels in Indonesian, for `signIn`. */
const IN_INDONESIAN = { idLabel: 'Nomor ID (KTP Taiwan atau nomor ARC/UI)', passwordLabel: 'Kata sandi pendaftaran', button: 'Masuk' };

let dewi;
let dewiPhone;
before(async () => {
  ({ phone: dewiPhone, page: dewi } = await openPhone({ locale: 'id-ID' }));
});
after(async () => {
  await dewiPhone?.close();
});

/** The newest link of the outbox that starts with `prefix`, as the mail shows it. */
async function newestLink(site, prefix) {
  await site.goto(`${BASE_URL}/outbox`);
  const links = site.getByRole('link', { name: new RegExp(`^${BASE_URL}${prefix}`) });
  await links.first().waitFor();
  return links.first().getAttribute('href');
}

/** The 360 px layout and axe checks of the page now showing. */
async function fitsSmallPhone(page, name) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 640 });
  const found = await problems(page, name);
  await page.setViewportSize(size);
  assert.deepEqual(found, [], found.join('\n'));
}

test('she registers on the website in Indonesian and binds her prepaid phone by device code', async () => {
  const site = await dewiPhone.newPage();
  await site.goto(`${BASE_URL}/register`);
  assert.equal(await site.evaluate(() => document.documentElement.lang), 'id');
  await site.getByRole('link', { name: /Daftar dengan kartu NHI/ }).click();
  await site.getByRole('region', { name: 'Ketentuan pendaftaran layanan daring Asuransi Kesehatan Nasional' }).waitFor();
  await site.getByLabel('Saya sudah membaca dan memahami ketentuannya').check();
  await site.getByLabel('Nomor kartu NHI').fill(DEWI.card);
  await site.getByLabel('Nama').fill(DEWI.name);
  await site.getByLabel('Nomor identitas').fill(DEWI.id);
  await site.getByLabel('Tanggal lahir').fill(DEWI.birth);
  await site.getByLabel('Kata sandi', { exact: true }).fill(DEWI.password);
  await site.getByText('Kekuatan: Kuat').waitFor();
  await site.getByLabel('Ulangi kata sandi').fill(DEWI.password);
  await site.getByLabel('Nomor ponsel').fill(DEWI.mobile);
  await site.getByLabel('E-mail').fill(DEWI.email);
  await fitsSmallPhone(site, 'website apply @360 id');
  await shot(site, 'life-01-website-apply-id');
  await site.getByRole('button', { name: 'Kirim' }).click();
  await site.getByText(`E-mail konfirmasi dikirim ke ${DEWI.email}`).waitFor();

  await site.goto(await newestLink(site, '/register/confirm'));
  await site.getByRole('heading', { name: 'Pendaftaran selesai' }).waitFor();
  await site.goto(`${BASE_URL}/register/login`);
  await site.getByLabel('Nomor identitas').fill(DEWI.id);
  await site.getByLabel('Kata sandi pendaftaran').fill(DEWI.password);
  await site.getByRole('button', { name: 'Masuk', exact: true }).click();
  await site.getByRole('button', { name: 'Buat kode verifikasi' }).click();
  const code = (await site.locator('#device-code').innerText()).trim();
  await site.close();

  // Her prepaid number cannot take the phone path, so the login screen's 裝置認證 leads her
  // to the device code.
  await dewi.goto(`${BASE_URL}/login`);
  await dewi.getByText('Belum ada akun di perangkat ini, atau ponsel baru?').waitFor();
  await dewi.getByRole('main').getByRole('link', { name: 'Autentikasi perangkat', exact: true }).click();
  await dewi.waitForURL('**/device-authentication');
  await dewi.getByRole('link', { name: /Kode perangkat seluler/ }).click();
  await dewi.getByRole('button', { name: 'Saya sudah punya kode' }).click();
  await dewi.getByLabel('Atau ketik kodenya (huruf besar dan kecil seperti yang tampil)').fill(code);
  await dewi.getByRole('button', { name: 'Selesai' }).click();
  await dewi.waitForURL('**/login');
  await dewi.getByText(`Perangkat ini sudah diautentikasi untuk ${DEWI.name}.`).waitFor();
  await signIn(dewi, DEWI.id, DEWI.password, IN_INDONESIAN);
  await dewi.getByRole('heading', { name: `Halo, ${DEWI.name}` }).waitFor();
  await shot(dewi, 'life-02-bound-by-code-id');
});

test('she forgets the password, sets a new one on the website and signs in with it on her phone', async () => {
  await dewi.getByRole('link', { name: 'Saya', exact: true }).last().click();
  await dewi.getByRole('button', { name: 'Keluar' }).click();
  await dewi.getByText('Anda sudah keluar.').waitFor();

  // The login screen says both ways back and links to the website's reset.
  await dewi.goto(`${BASE_URL}/login`);
  await dewi.getByText('Lupa kata sandi?').click();
  await dewi.getByText(/Atau autentikasi ulang perangkat ini dengan nomor ponsel pascabayar/).waitFor();
  await fitsSmallPhone(dewi, 'login forgot @360 id');
  await shot(dewi, 'life-03-login-forgot-id');
  const resetLink = dewi.getByRole('link', { name: 'Atur kata sandi baru di situs web' });
  assert.equal(await resetLink.getAttribute('href'), `${BASE_URL}/register/forgot`);

  const site = await dewiPhone.newPage();
  await site.goto(await resetLink.getAttribute('href'));
  await site.getByRole('heading', { name: 'Lupa kata sandi pendaftaran?' }).waitFor();
  // A card read that does not match is refused, and what was typed stays.
  await site.getByLabel('Nomor kartu NHI').fill(DEWI.card);
  await site.getByLabel('Nama').fill(DEWI.name);
  await site.getByLabel('Nomor identitas').fill(DEWI.id);
  await site.getByLabel('Tanggal lahir').fill('1995-05-21');
  await site.getByRole('button', { name: 'Kirim tautan' }).click();
  await site.getByRole('alert').getByText('Data kartu tidak cocok dengan catatan NHIA.').waitFor();
  assert.equal(await site.getByLabel('Nomor identitas').inputValue(), DEWI.id);
  await site.getByLabel('Tanggal lahir').fill(DEWI.birth);
  await site.getByRole('button', { name: 'Kirim tautan' }).click();
  await site.getByRole('heading', { name: 'Periksa e-mail Anda' }).waitFor();
  await shot(site, 'life-04-reset-sent-id');

  await site.goto(await newestLink(site, '/register/reset'));
  await site.getByRole('heading', { name: 'Pilih kata sandi pendaftaran baru' }).waitFor();
  await site.getByLabel('Kata sandi', { exact: true }).fill(DEWI.newPassword);
  await site.getByLabel('Ulangi kata sandi').fill(DEWI.newPassword);
  await site.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await site.getByRole('heading', { name: 'Kata sandi baru Anda sudah diatur' }).waitFor();
  await shot(site, 'life-05-reset-done-id');
  // The link worked once.
  await site.goto(await newestLink(site, '/register/reset'));
  await site.getByRole('heading', { name: 'Tautan ini sudah tidak berlaku' }).waitFor();
  // The notice of the change is in her mailbox, in her language.
  await site.goto(`${BASE_URL}/outbox`);
  const mails = await site.locator('article.mail').allInnerTexts();
  assert.ok(mails.some((m) => m.includes(DEWI.email) && /kata sandi/i.test(m) && /diganti/.test(m)),
    `no password-changed notice to ${DEWI.email}:\n${mails.slice(0, 3).join('\n---\n')}`);
  await site.close();

  await dewi.goto(`${BASE_URL}/login`);
  await signIn(dewi, DEWI.id, DEWI.password, IN_INDONESIAN);
  await dewi.getByRole('alert').getByText(/Nomor ID atau kata sandi salah/).waitFor();
  await signIn(dewi, DEWI.id, DEWI.newPassword, IN_INDONESIAN);
  await dewi.getByRole('heading', { name: `Halo, ${DEWI.name}` }).waitFor();
  await shot(dewi, 'life-06-signed-in-new-password-id');
});

test('the card asks for a sign-in and comes back to the card; the login screen offers 裝置認證', async () => {
  const { phone, page } = await openPhone();
  try {
    await page.goto(`${BASE_URL}/login`);
    await page.getByText('可利用下方「裝置認證」增加帳號資訊').waitFor();
    await fitsSmallPhone(page, 'login @360');
    await shot(page, 'life-07-login-device-auth');
    await page.getByRole('main').getByRole('link', { name: '裝置認證', exact: true }).click();
    await page.waitForURL('**/device-authentication');
    await page.goto(`${BASE_URL}/`);
    await bindByPhone(page, PARENT);
    await page.getByRole('heading', { name: `${PARENT.name}，您好` }).waitFor();
    await page.getByRole('link', { name: '我的' }).last().click();
    await page.getByRole('button', { name: '登出' }).click();
    await page.getByText('您已登出。').waitFor();

    await page.goto(`${BASE_URL}/card`);
    await page.getByText('請先登入才能使用此服務。').waitFor();
    await page.getByRole('main').getByRole('link', { name: '登入', exact: true }).click();
    await page.waitForURL('**/login/card');
    await signIn(page, PARENT.id, PARENT.password);
    await page.waitForURL((url) => url.pathname === '/card');
    await page.getByRole('heading', { name: '虛擬健保卡', exact: true }).waitFor();
    await shot(page, 'life-08-back-to-card');
  } finally {
    await phone.close();
  }
});
