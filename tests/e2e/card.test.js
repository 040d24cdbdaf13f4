// Applying for the Virtual NHI Card in real chromium: consent, the ID document, the photo
// checks, the photo-less card under review, approval in the reviewer console, the photo
// card, cancelling, a rejection with its reason, re-applying; the child is offered the NHI
// card front.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE_URL, focused, openBrowser, openPhone, shot } from './browser.js';
import { bindByPhone, signIn } from './app.js';
import { PHONES, problems } from './layout.js';

const IMAGES = process.env.NHI_E2E_IMAGES;
const ADULT = { id: 'A123456789', password: 'Wang@2026', name: '王小明', last4: '5678', mobile: '0912345678' };
const CHILD = { id: 'A135792469', password: 'Hua2015!x', name: '王小華' };

let phone;
let page;
before(async () => ({ phone, page } = await openPhone()));
after(() => phone?.close());

/** The start of a PNG file whose header says `width` × `height` (no pixels follow). */
function pngHeader(width, height) {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 6, 0, 0, 0], 16);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]);
}

async function applyFor(photoFile) {
  await page.goto(`${BASE_URL}/card`);
  await page.getByRole('link', { name: /申辦虛擬健保卡|重新申辦/ }).first().click();
  await page.getByRole('button', { name: '一般申請' }).waitFor();
  assert.equal(await page.getByRole('button', { name: '一般申請' }).isDisabled(), true, 'consent comes first');
  await page.getByLabel('我已閱讀並同意隱私權政策及服務條款').check();
  await page.getByRole('button', { name: '一般申請' }).click();
  await page.getByRole('heading', { name: '上傳國民身分證正面' }).waitFor();
  await page.getByText(/健保法第81條第1項/).waitFor();
  // 選擇照片 opens the album (a file chooser, no camera), as FAQ 5 allows existing photos.
  const [album] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByText('選擇照片', { exact: true }).click(),
  ]);
  assert.equal(album.isMultiple(), false);
  assert.equal(await album.element().getAttribute('capture'), null, 'the album is not the camera');
  await album.setFiles(join(IMAGES, 'id-card.jpg'));
  await page.getByAltText('證件預覽').waitFor();
  await page.getByRole('button', { name: '下一步' }).click();
  // The rules and the common reasons for refusal before the photo is chosen.
  await page.getByRole('heading', { name: '相片規則說明' }).waitFor();
  await page.getByRole('heading', { name: '常見退件原因' }).waitFor();
  await page.locator('input[type=file]').first().setInputFiles(join(IMAGES, photoFile));
}

test('apply with a photo: a dark background is explained, a white one passes', async () => {
  await page.goto(`${BASE_URL}/`);
  await bindByPhone(page, ADULT);
  await page.getByRole('heading', { name: `${ADULT.name}，您好` }).waitFor();

  await page.getByRole('link', { name: /虛擬健保卡/ }).first().click();
  await page.getByText('您尚未申辦虛擬健保卡').waitFor();
  await applyFor('photo-dark.jpg');
  await page.getByText(/照片背景須為白色/).waitFor();
  await shot(page, '30-photo-dark-background');
  // Hostile files are refused before anything decodes them: a PNG whose header claims
  // 20,000 × 20,000 pixels (a decompression bomb), and text named like a photo.
  const picker = page.locator('input[type=file]').first();
  await picker.setInputFiles({ name: 'bomb.png', mimeType: 'image/png', buffer: pngHeader(20000, 20000) });
  await page.getByText(/影像像素過多/).waitFor();
  await picker.setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo at all') });
  await page.getByText(/這個檔案不是可讀取的圖片/).waitFor();
  // A camera that gives nothing (permission denied, blank preview) brings up how to allow it.
  await page.locator('input[type=file][capture]').setInputFiles([]);
  await page.getByText('相機沒有拍到照片。').waitFor();
  await page.getByText(/允許使用「相機」/).waitFor();
  await shot(page, '30b-camera-help');

  // Taken sideways: the browser turns it upright by its EXIF orientation (portrait again).
  await picker.setInputFiles(join(IMAGES, 'photo-sideways.jpg'));
  await page.getByText('照片檢查通過。').waitFor();
  const preview = page.getByAltText('照片預覽');
  const [width, height] = await preview.evaluate(async (img) => {
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  });
  assert.ok(height > width, `upright, not on its side: ${width}×${height}`);

  await page.locator('input[type=file]').first().setInputFiles(join(IMAGES, 'photo-white.jpg'));
  await page.getByText('照片檢查通過。').waitFor();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('heading', { name: '卡面預覽' }).waitFor();
  await page.getByAltText('持卡人照片').waitFor();
  await page.getByText('請確認虛擬卡是否足以辨識身分，如五官不夠清晰，將退件請您重新申請。').waitFor();
  await page.getByLabel('聯絡電話（手機）').fill('0912-345-678');
  await page.getByLabel('電子郵件').fill('wang@example.tw');
  await shot(page, '31-card-preview');
  await page.getByRole('button', { name: '送出申請' }).click();

  await page.waitForURL('**/card');
  await page.getByText(/審核約需 7 個工作天/).first().waitFor();
  await page.getByText('無照片（審核中）就醫時請出示身分證明文件').waitFor();
  await shot(page, '32-photo-less-card');
});

async function reviewer(decide) {
  const console_ = await phone.newPage();
  await console_.goto(`${BASE_URL}/review/login`);
  await console_.getByLabel('帳號').fill('reviewer');
  await console_.getByLabel('密碼', { exact: true }).fill('Review@2026');
  await console_.getByRole('button', { name: '登入' }).click();
  await console_.getByRole('link', { name: `審核: ${ADULT.name}` }).click();
  await console_.getByRole('img', { name: '大頭照' }).waitFor();
  await shot(console_, `33-reviewer-console-${decide.name}`);
  // The application page with its images and the reject form, on a phone.
  const found = [];
  for (const { width, height } of PHONES) {
    await console_.setViewportSize({ width, height });
    found.push(...(await problems(console_, `review application @${width}`)));
  }
  assert.deepEqual(found, [], found.join('\n'));
  await decide(console_);
  await console_.waitForURL('**/review');
  await console_.close();
}

test('the reviewer approves and the card shows the photo', async () => {
  await reviewer(async function approve(c) {
    await c.getByRole('button', { name: '核准' }).click();
  });
  await page.goto(`${BASE_URL}/card`);
  await page.getByRole('img', { name: '持卡人照片' }).waitFor();
  await page.getByText(/照片無法更換/).waitFor();
  await shot(page, '34-photo-card');

  // The browser keeps the approved photo (its address names its version): a reload draws
  // the card without fetching the photo again.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const photoLoads = [];
  cdp.on('Network.responseReceived', ({ response }) => {
    if (new URL(response.url).pathname === '/api/v1/card/photo') {
      photoLoads.push(response.fromDiskCache || response.fromMemoryCache ? 'kept' : 'fetched');
    }
  });
  await page.reload();
  await page.getByRole('img', { name: '持卡人照片' }).waitFor();
  assert.deepEqual(photoLoads, ['kept'], 'the photo after a reload');
  await cdp.detach();
});

test('cancel, apply again, and a rejection shows its reason', async () => {
  // The question takes the focus (on the safe answer); Escape keeps the card and gives the
  // focus back to the button that asked.
  await page.getByRole('button', { name: '註銷並重新申辦' }).click();
  await page.getByRole('alertdialog').waitFor();
  assert.equal(await focused(page), 'button: 保留');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '註銷並重新申辦' }).waitFor();
  assert.equal(await focused(page), 'button: 註銷並重新申辦');
  await page.getByRole('button', { name: '註銷並重新申辦' }).click();
  await page.getByRole('button', { name: '確定註銷' }).click();
  await page.getByText('您尚未申辦虛擬健保卡').waitFor();

  await applyFor('photo-white.jpg');
  await page.getByText('照片檢查通過。').waitFor();
  assert.equal(await focused(page), 'h2: 上傳大頭照', 'the new step\'s heading has the focus');

  // "Back" keeps the document; the browser's forward returns to the photo, still there.
  await page.getByRole('button', { name: '上一步' }).click();
  await page.getByRole('heading', { name: '上傳國民身分證正面' }).waitFor();
  await page.getByAltText('證件預覽').waitFor();
  await page.goForward();
  await page.getByText('照片檢查通過。').waitFor();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('聯絡電話（手機）').fill('0912345678');
  await page.getByLabel('電子郵件').fill('wang@example.tw');

  // A reload keeps the consent and the contact details; the images are asked for again.
  await page.reload();
  await page.getByRole('heading', { name: '上傳國民身分證正面' }).waitFor();
  assert.match(page.url(), /step=document/);
  await page.locator('input[type=file]').first().setInputFiles(join(IMAGES, 'id-card.jpg'));
  await page.getByRole('button', { name: '下一步' }).click();
  await page.locator('input[type=file]').first().setInputFiles(join(IMAGES, 'photo-white.jpg'));
  await page.getByText('照片檢查通過。').waitFor();
  await page.getByRole('button', { name: '下一步' }).click();
  assert.equal(await page.getByLabel('聯絡電話（手機）').inputValue(), '0912345678');
  assert.equal(await page.getByLabel('電子郵件').inputValue(), 'wang@example.tw');
  await page.getByRole('button', { name: '送出申請' }).click();
  await page.waitForURL('**/card');

  await reviewer(async function reject(c) {
    await c.getByLabel('退件原因').selectOption('photo_does_not_match');
    await c.getByRole('button', { name: '退件' }).click();
  });
  await page.goto(`${BASE_URL}/card`);
  await page.getByText('申請未通過：照片與證件不符').waitFor();
  await shot(page, '35-rejected');
  await page.getByRole('link', { name: '重新申辦' }).click();
  await page.getByRole('button', { name: '一般申請' }).waitFor();
});

test('a child under 14 is offered the NHI card front', async () => {
  const child = await openBrowser();
  const app = child.pages()[0] ?? (await child.newPage());
  // The child has no phone of their own: bind by a device code from the website.
  const site = await child.newPage();
  await site.goto(`${BASE_URL}/register/login`);
  await site.getByLabel('身分證號').fill(CHILD.id);
  await site.getByLabel('註冊密碼').fill(CHILD.password);
  await site.getByRole('button', { name: '登入' }).click();
  await site.getByRole('button', { name: /產生驗證碼/ }).click();
  const code = (await site.locator('#device-code').innerText()).trim();
  await site.close();

  await app.goto(`${BASE_URL}/device-authentication/code`);
  await app.getByRole('button', { name: '我已取得驗證碼' }).click();
  await app.getByLabel('或輸入驗證碼（大小寫須相同）').fill(code);
  await app.getByRole('button', { name: '完成認證' }).click();
  await app.waitForURL('**/login');
  await signIn(app, CHILD.id, CHILD.password);
  await app.getByRole('heading', { name: `${CHILD.name}，您好` }).waitFor();
  await app.goto(`${BASE_URL}/card/apply`);
  await app.getByLabel('我已閱讀並同意隱私權政策及服務條款').check();
  await app.getByRole('button', { name: '一般申請' }).click();
  await app.getByRole('heading', { name: '上傳國民身分證或健保卡正面' }).waitFor();
  await shot(app, '36-child-document');
  await child.close();
});
