// 專案申請 in real chromium: a home-care nurse applies in the app for 李秀英, a case of her
// institution, at 360 px — the cards, the person checked against the insurance records, the
// signed consent form, the ID document and the photo, the contact; the reviewer sees the
// channel and the consent form and approves; 李秀英 signs in on her daughter's phone and
// finds her card, made for her by the institution.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, openPhone, shot } from './browser.js';
import { ADULT, bindByPhone } from './app.js';
import { problems } from './layout.js';

const IMAGES = process.env.NHI_E2E_IMAGES;
const NURSE_CARDS = { code: '3501209876', sam: 'SAM-3501209876', hpc: 'HPC-RN-0006', pin: '468024' };
const LI = { id: 'F241357928', name: '李秀英', birth: '1941-03-15', last4: '7928', mobile: '0911222333', password: 'Li#1941home' };

let nursePhone;
let nurse;

before(async () => {
  ({ phone: nursePhone, page: nurse } = await openPhone());
  await nurse.setViewportSize({ width: 360, height: 740 });
});

after(async () => {
  await nursePhone?.close();
});

async function clean(page, name) {
  const found = await problems(page, name);
  assert.deepEqual(found, [], found.join('\n'));
}

test('a home-care nurse applies in the app for a case of her institution', async () => {
  // The nurse is signed in to the app on her own phone.
  await nurse.goto(`${BASE_URL}/`);
  await bindByPhone(nurse, ADULT);
  await nurse.getByRole('heading', { name: `${ADULT.name}，您好` }).waitFor();
  await nurse.goto(`${BASE_URL}/card/apply`);
  await nurse.getByRole('link', { name: '專案申請（醫事 / 臨櫃人員）' }).click();
  await nurse.waitForURL('**/card/apply/staff');
  await nurse.getByLabel('醫事機構代碼').fill(NURSE_CARDS.code);
  await nurse.getByLabel('安全模組卡金鑰').fill(NURSE_CARDS.sam);
  await nurse.getByLabel('醫事人員卡號').fill(NURSE_CARDS.hpc);
  await nurse.getByLabel('醫事人員卡 PIN').fill(NURSE_CARDS.pin);
  await clean(nurse, 'staff cards @360');
  await shot(nurse, '70-staff-cards');
  await nurse.getByRole('button', { name: '下一步' }).click();

  await nurse.getByLabel('身分證號／居留證號').fill(LI.id);
  await nurse.getByLabel('姓名').fill(LI.name);
  await nurse.getByLabel('出生日期').fill(LI.birth);
  await nurse.getByRole('button', { name: '核對資料' }).click();
  await nurse.getByText(`將為 ${LI.name}（F24****928）申辦。`).first().waitFor();

  await nurse.getByLabel('民眾已同意，並已簽署同意書').check();
  await nurse.locator('input[type=file]').first().setInputFiles(`${IMAGES}/id-card.jpg`);
  await nurse.getByAltText('同意書預覽').waitFor();
  await clean(nurse, 'staff consent @360');
  await shot(nurse, '71-staff-consent');
  await nurse.getByRole('button', { name: '下一步' }).click();

  await nurse.locator('input[type=file]').first().setInputFiles(`${IMAGES}/id-card.jpg`);
  await nurse.getByAltText('證件預覽').waitFor();
  await nurse.getByRole('button', { name: '下一步' }).click();
  await nurse.locator('input[type=file]').first().setInputFiles(`${IMAGES}/photo-white.jpg`);
  await nurse.getByText('照片檢查通過。').waitFor();
  await nurse.getByRole('button', { name: '下一步' }).click();

  await nurse.getByLabel('聯絡電話（手機）').fill('0988654321');
  await nurse.getByLabel('電子郵件').fill('li.daughter@example.tw');
  await clean(nurse, 'staff contact @360');
  await nurse.getByRole('button', { name: '送出申請' }).click();
  await nurse.getByText(/已為 李秀英 送出申請（案號 \d+），並已通知民眾/).waitFor();
  await clean(nurse, 'staff done @360');
  await shot(nurse, '72-staff-done');

  // The person was told, with how to withdraw.
  const outbox = await nursePhone.newPage();
  await outbox.goto(`${BASE_URL}/outbox`);
  await outbox.getByText('li.daughter@example.tw').first().waitFor();
  await outbox.getByText(/安康居家護理所 已於 .* 為您申辦虛擬健保卡/).first().waitFor();
  await outbox.close();
});

test('the reviewer sees who applied and the consent form, and approves', async () => {
  const console_ = await nursePhone.newPage();
  await console_.goto(`${BASE_URL}/review/login`);
  await console_.getByLabel('帳號').fill('reviewer');
  await console_.getByLabel('密碼', { exact: true }).fill('Review@2026');
  await console_.getByRole('button', { name: '登入' }).click();
  await console_.getByRole('link', { name: `審核: ${LI.name}` }).click();
  await console_.getByText('專案申請（醫事人員）：安康居家護理所').waitFor();
  await console_.getByRole('img', { name: '民眾簽署的同意書' }).waitFor();
  await clean(console_, 'review staff application @360');
  await shot(console_, '73-review-staff-application');
  await console_.getByRole('button', { name: '核准' }).click();
  await console_.waitForURL('**/review');
  await console_.close();
});

test('she signs in on her daughter\'s phone and finds her card, made for her', async () => {
  const { phone, page } = await openPhone();
  try {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${BASE_URL}/`);
    await bindByPhone(page, LI);
    await page.getByRole('heading', { name: `${LI.name}，您好` }).waitFor();
    await page.goto(`${BASE_URL}/card`);
    await page.getByRole('img', { name: '持卡人照片' }).waitFor();
    await clean(page, 'her approved card @360');
    await shot(page, '74-card-made-by-staff');
    // Her records say who applied for her, and how it ended.
    await page.getByRole('link', { name: '申請紀錄' }).click();
    await page.getByText('安康居家護理所 代為申請（醫事人員）').waitFor();
    await page.getByText('已核准').waitFor();
    await clean(page, 'her application records @360');
    await shot(page, '75-application-records');
  } finally {
    await phone.close();
  }
});

test('counter staff at a division take an application at the console, refused with the reason when she has a card', async () => {
  const console_ = await nursePhone.newPage();
  try {
    await console_.goto(`${BASE_URL}/review/login`);
    await console_.getByLabel('帳號').fill('counter');
    await console_.getByLabel('密碼', { exact: true }).fill('Counter@2026');
    await console_.getByRole('button', { name: '登入' }).click();
    await console_.getByRole('link', { name: '臨櫃申辦' }).click();
    await console_.getByRole('heading', { name: '臨櫃申辦' }).waitFor();
    await console_.getByLabel('身分證號').fill(LI.id);
    await console_.getByLabel('姓名').fill(LI.name);
    await console_.getByLabel('出生日期').fill(LI.birth);
    await console_.getByLabel('民眾已同意，並已簽署同意書').check();
    await console_.getByLabel('民眾簽署的同意書').setInputFiles(`${IMAGES}/id-card.jpg`);
    await console_.getByLabel('證件正面').setInputFiles(`${IMAGES}/id-card.jpg`);
    await console_.getByLabel('大頭照').setInputFiles(`${IMAGES}/photo-white.jpg`);
    await console_.getByLabel('聯絡電話').fill(LI.mobile);
    await console_.getByLabel('電子郵件').fill('li.daughter@example.tw');
    await clean(console_, 'counter application form @360');
    await shot(console_, '76-counter-application');
    await console_.getByRole('button', { name: '送出申請' }).click();
    // Her card was approved a moment ago: refused with the reason, what was typed kept.
    await console_.getByRole('alert').getByText('此民眾已有核准的虛擬健保卡。').waitFor();
    assert.equal(await console_.getByLabel('姓名').inputValue(), LI.name);
    await clean(console_, 'counter application refused @360');
    await shot(console_, '77-counter-application-refused');
  } finally {
    await console_.close();
  }
});
