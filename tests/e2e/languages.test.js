// A foreign home caregiver presents her employer's card, in Bahasa Indonesia: her phone is
// set to Indonesian, so the app starts in it (the browser's language on the first start). She
// authenticates her device (her prepaid number is refused, with the reason, so she uses a
// device code from the registration website, which speaks Indonesian to her browser too), signs in,
// applies for her own card and shows its QR, gets the authorization the elderly card holder
// makes on his own phone (in Chinese), and shows his card; when a clinic asks for his card
// for a video visit, she allows it. Every screen of hers is checked for Chinese outside the
// data and for layout at 360 px.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE_URL, openBrowser, openPhone, SCREENSHOTS, shot } from './browser.js';
import { applyForCard, approveInConsole, bindByPhone, requestVideoVisit, signInCounter } from './app.js';
import { assertQrInView, problems } from './layout.js';

const CAREGIVER = { id: 'F913579249', password: 'Siti*2026', name: 'SITI RAHAYU', last4: '9249', mobile: '0955666777' };
const HOLDER = { id: 'A223456781', password: 'Mei#1946ok', name: '王陳美玉', last4: '6781', mobile: '0922333444' };
const IMAGES = process.env.NHI_E2E_IMAGES;

let siti;
let sitiPhone;
let holder;
let holderPhone;
before(async () => {
  ({ phone: sitiPhone, page: siti } = await openPhone({ locale: 'id-ID' }));
  ({ phone: holderPhone, page: holder } = await openPhone());
});
after(async () => {
  await sitiPhone?.close();
  await holderPhone?.close();
});

/** Chinese characters on the screen other than the names (data) and the language picker. */
async function strayChinese(page) {
  return page.evaluate((names) => {
    // What is written in Chinese as such (an announcement marked lang="zh-…") is data too.
    let text = document.body.innerText;
    for (const e of document.querySelectorAll('body [lang^="zh"]')) {
      const marked = e.innerText.trim();
      if (marked) text = text.split(marked).join(' ');
    }
    for (const n of [...names, '繁體中文', '健']) text = text.split(n).join(' ');
    return (text.match(/[\u4e00-\u9fff\u3000-\u303f]+/g) ?? []).join(' ');
  }, [HOLDER.name, CAREGIVER.name, '臺北市', '小兒科', '好心家庭醫學科診所', '家醫科']);
}

/** Screenshot, Chinese check and the 360 px layout check of the screen now showing. */
async function check(name) {
  assert.equal(await siti.evaluate(() => document.documentElement.lang), 'id');
  assert.equal(await strayChinese(siti), '', `${name}: Chinese outside the data`);
  await shot(siti, `id-${name}`);
  const size = siti.viewportSize();
  await siti.setViewportSize({ width: 360, height: 640 });
  const found = await problems(siti, `${name} @360 id`);
  await siti.setViewportSize(size);
  assert.deepEqual(found, [], found.join('\n'));
}

test('the app starts in Indonesian on an Indonesian phone', async () => {
  await siti.goto(`${BASE_URL}/`);
  await siti.getByRole('heading', { name: 'Selamat datang di NHI Express' }).waitFor();
  assert.equal(await siti.getByLabel('Bahasa').inputValue(), 'id');
  await check('01-home');
});

test('device authentication: the prepaid number is refused with the reason, a device code works', async () => {
  await siti.getByRole('link', { name: /Autentikasi perangkat/ }).first().click();
  await siti.getByRole('link', { name: /Nomor ponsel/ }).click();
  await siti.getByRole('button', { name: 'Mulai' }).click();
  // The terms and the privacy statement, in her language, before anything is asked.
  await siti.getByRole('heading', { name: 'Syarat dan Ketentuan Pengguna serta Pernyataan Privasi Pribadi' }).waitFor();
  await check('02-terms');
  await siti.getByRole('button', { name: 'Setuju', exact: true }).click();
  await siti.getByLabel('Nomor ID (KTP Taiwan atau nomor ARC/UI)').fill(CAREGIVER.id);
  await siti.getByLabel('4 angka terakhir nomor kartu NHI').fill(CAREGIVER.last4);
  await siti.getByLabel('Nomor ponsel').fill(CAREGIVER.mobile);
  await siti.getByRole('button', { name: 'Berikutnya' }).click();
  await siti.getByRole('alert').getByText(/Nomor prabayar tidak bisa dipakai/).waitFor();
  await check('02-prepaid-refused');

  // The website answers her browser in Indonesian too.
  const site = await sitiPhone.newPage();
  await site.goto(`${BASE_URL}/register/login`);
  assert.equal(await site.evaluate(() => document.documentElement.lang), 'id');
  await site.getByLabel('Nomor identitas').fill(CAREGIVER.id);
  await site.getByLabel('Kata sandi pendaftaran').fill(CAREGIVER.password);
  await site.getByRole('button', { name: 'Masuk', exact: true }).click();
  await site.getByRole('button', { name: 'Buat kode verifikasi' }).click();
  const code = (await site.locator('#device-code').innerText()).trim();
  await shot(site, 'id-03-website-in-indonesian');
  await site.close();

  await siti.getByRole('link', { name: 'Pakai autentikasi kode perangkat' }).click();
  await siti.getByRole('button', { name: 'Saya sudah punya kode' }).click();
  await siti.getByLabel('Atau ketik kodenya (huruf besar dan kecil seperti yang tampil)').fill(code);
  await siti.getByRole('button', { name: 'Selesai' }).click();
  await siti.waitForURL('**/login');
  await siti.getByText(`Perangkat ini sudah diautentikasi untuk ${CAREGIVER.name}.`).waitFor();
  await check('04-authenticated');
  await siti.getByLabel('Nomor ID (KTP Taiwan atau nomor ARC/UI)').fill(CAREGIVER.id);
  await siti.getByLabel('Kata sandi pendaftaran').fill(CAREGIVER.password);
  await siti.getByRole('button', { name: 'Masuk', exact: true }).click();
  await siti.getByRole('heading', { name: `Halo, ${CAREGIVER.name}` }).waitFor();
  await check('05-signed-in');
});

test('she applies for her own card and its QR shows', async () => {
  await siti.goto(`${BASE_URL}/card/apply`);
  await siti.getByLabel('Saya sudah membaca dan menyetujui kebijakan privasi dan ketentuan').check();
  await siti.getByRole('button', { name: 'Pengajuan umum' }).click();
  await siti.getByRole('heading', { name: 'Unggah bagian depan izin tinggal Anda (ARC)' }).waitFor();
  await check('06-apply-document');
  await siti.locator('input[type=file]').first().setInputFiles(`${IMAGES}/id-card.jpg`);
  await siti.getByAltText('Pratinjau dokumen').waitFor();
  await siti.getByRole('button', { name: 'Berikutnya' }).click();
  await siti.locator('input[type=file]').first().setInputFiles(`${IMAGES}/photo-white.jpg`);
  await siti.getByText('Foto lolos pemeriksaan.').waitFor();
  await siti.getByRole('button', { name: 'Berikutnya' }).click();
  await siti.getByLabel('Telepon kontak (ponsel)').fill('0955666777');
  await siti.getByLabel('E-mail').fill('siti@example.id');
  await check('07-apply-review');
  await siti.getByRole('button', { name: 'Kirim' }).click();
  await siti.waitForURL('**/card');
  await siti.getByRole('img', { name: 'Kode QR Kartu NHI Virtual untuk klinik' }).waitFor();
  await siti.getByText(/^Diajukan pada \d\d\/\d\d\/\d{4}\./).waitFor();
  await check('08-card-qr');
  await siti.setViewportSize({ width: 360, height: 640 });
  await assertQrInView(siti, 'card @360 id', 'Perbarui');
  await siti.setViewportSize({ width: 400, height: 820 });
});

test('the holder authorizes her in Chinese; she gets it in Indonesian and shows his card', async () => {
  await holder.goto(`${BASE_URL}/`);
  await bindByPhone(holder, HOLDER);
  await holder.getByRole('heading', { name: `${HOLDER.name}，您好` }).waitFor();
  await holder.goto(`${BASE_URL}/card`);
  await holder.getByRole('img', { name: /虛擬健保卡就醫 QR 碼/ }).or(holder.getByRole('link', { name: '申辦虛擬健保卡' })).first().waitFor();
  if (await holder.getByRole('link', { name: '申辦虛擬健保卡' }).count()) {
    await applyForCard(holder, BASE_URL, IMAGES, { phone: HOLDER.mobile, email: 'mei@example.tw' });
  }
  // Authorizations need approved cards on both sides.
  await approveInConsole(BASE_URL, HOLDER.name);
  await approveInConsole(BASE_URL, CAREGIVER.name);
  await holder.goto(`${BASE_URL}/authorizations/new`);
  await holder.getByLabel('被授權人身分證號／居留證號').fill(CAREGIVER.id);
  await holder.getByLabel('同意授權對方使用我的虛擬健保卡').check();
  await holder.getByRole('button', { name: '產生授權碼' }).click();
  const codeField = holder.locator('#authorization-code');
  await codeField.waitFor();
  const code = await codeField.innerText();

  await siti.goto(`${BASE_URL}/authorizations/get`);
  await siti.getByRole('heading', { name: 'Terima otorisasi' }).first().waitFor();
  await check('09-get-authorization');
  await siti.getByLabel('Nomor ID pemilik kartu').fill(HOLDER.id);
  await siti.getByLabel('Kode otorisasi (6 angka)').fill(code === '000000' ? '000001' : '000000');
  await siti.getByRole('button', { name: 'Terima otorisasi' }).click();
  await siti.getByRole('alert').getByText(/Kode otorisasi salah.*\(sisa 4 kali percobaan\)/).waitFor();
  await siti.getByLabel('Kode otorisasi (6 angka)').fill(code);
  await siti.getByRole('button', { name: 'Terima otorisasi' }).click();
  await siti.getByText(`Sekarang Anda bisa memakai kartu ${HOLDER.name}`).waitFor();
  await check('10-authorizations');
  await holder.getByText(`${CAREGIVER.name} 已接受授權`).waitFor({ timeout: 10000 });

  await siti.getByRole('link', { name: new RegExp(`^Pakai kartu ini Kartu ${HOLDER.name}`) }).click();
  await siti.getByLabel('Saya setuju menerima, dan hanya memakainya untuk membantu dia berobat').click();
  await siti.getByText(`Ditunjukkan oleh kuasa: ${CAREGIVER.name} untuk ${HOLDER.name}`).waitFor();
  await siti.getByRole('img', { name: 'Kode QR Kartu NHI Virtual untuk klinik' }).waitFor();
  await check('11-delegate-card');
  await siti.setViewportSize({ width: 360, height: 640 });
  await siti.screenshot({ path: join(SCREENSHOTS, 'id-12-delegate-card-360.png') });
  await assertQrInView(siti, 'delegate card @360 id', 'Perbarui');
});

test('a clinic asks for the holder\'s card for a video visit; she allows it in Indonesian', async () => {
  const desk = await openBrowser();
  const counter = desk.pages()[0] ?? (await desk.newPage());
  try {
    await signInCounter(counter, BASE_URL);
    await requestVideoVisit(counter, BASE_URL, HOLDER.id, 'Dr. Lin, LINE 14:30');
    await siti.setViewportSize({ width: 400, height: 820 });
    await siti.goto(`${BASE_URL}/card`);
    const request = siti.locator('li.video-visit', { hasText: 'Dr. Lin, LINE 14:30' });
    await request.getByText(`Meminta kartu ${HOLDER.name} (Anda diberi otorisasi)`).waitFor();
    assert.match(await request.innerText(), /家醫科 · kunjungan video pukul \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    await check('13-video-visit-request');
    await request.getByRole('button', { name: 'Izinkan' }).click();
    await siti.getByText(/^Diizinkan: 好心家庭醫學科診所 sudah menerima kartu, nomor kunjungan V\d{3}\.$/).waitFor();
    await request.getByText(new RegExp(`Diizinkan oleh ${CAREGIVER.name}: nomor kunjungan V\\d{3}\\.`)).waitFor();
    // The counter, in Chinese, sees who allowed it for the holder.
    await counter.getByText(`受授權人 ${CAREGIVER.name}`).waitFor();
    assert.equal(await counter.locator('#holder-name').innerText(), HOLDER.name);
    await check('14-video-visit-allowed');
  } finally {
    await desk.close();
  }
});
