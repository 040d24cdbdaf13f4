// Steps a person takes in the app, shared by the browser tests.

export const ADULT = { id: 'A123456789', password: 'Wang@2026', name: '王小明', last4: '5678', mobile: '0912345678' };

/** Device authentication by mobile number, ending signed in. */
export async function bindByPhone(page, { id, last4, mobile, password }) {
  await page.getByRole('link', { name: /^裝置認證/ }).first().click();
  await page.getByRole('link', { name: /行動電話認證/ }).click();
  await page.getByRole('button', { name: '開始認證' }).click();
  // The manual: "Click Confirm to agree to the User Terms and Conditions and the Personal
  // Privacy Statement".
  await page.getByRole('heading', { name: '使用者條款及個人隱私權聲明' }).waitFor();
  await page.getByRole('button', { name: '同意', exact: true }).click();
  await page.getByLabel('身分證號／居留證號').fill(id);
  await page.getByLabel('健保卡號末 4 碼').fill(last4);
  await page.getByLabel('手機號碼').fill(mobile);
  await page.getByRole('button', { name: '下一步' }).click();
  if (password) {
    await page.getByLabel('設定註冊密碼').fill(password);
    await page.getByLabel('再次輸入密碼').fill(password);
    await page.getByRole('button', { name: '完成認證' }).click();
  }
}

/** Signs in on the login screen (its labels in another language where given). */
export async function signIn(page, id, password, { idLabel = '身分證號／居留證號', passwordLabel = '註冊密碼', button = '登入' } = {}) {
  await page.getByLabel(idLabel).fill(id);
  await page.getByLabel(passwordLabel).fill(password);
  await page.getByRole('button', { name: button, exact: true }).click();
}

/** Applies for the card with the given images (consent, document, photo, contact). */
export async function applyForCard(page, baseUrl, images, { phone, email }) {
  await page.goto(`${baseUrl}/card/apply`);
  await page.getByLabel('我已閱讀並同意隱私權政策及服務條款').check();
  await page.getByRole('button', { name: '一般申請' }).click();
  await page.locator('input[type=file]').first().setInputFiles(`${images}/id-card.jpg`);
  await page.getByAltText('證件預覽').waitFor();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.locator('input[type=file]').first().setInputFiles(`${images}/photo-white.jpg`);
  await page.getByText('照片檢查通過。').waitFor();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('聯絡電話（手機）').fill(phone);
  await page.getByLabel('電子郵件').fill(email);
  await page.getByRole('button', { name: '送出申請' }).click();
  await page.waitForURL('**/card');
}

/**
 * The reviewer approves the person's application in the console (authorizations need
 * approved cards on both sides); nothing happens when none of theirs is waiting.
 */
export async function approveInConsole(baseUrl, name) {
  const { openBrowser } = await import('./browser.js');
  const desk = await openBrowser();
  try {
    const page = desk.pages()[0] ?? (await desk.newPage());
    await page.goto(`${baseUrl}/review/login`);
    await page.getByLabel('帳號').fill('reviewer');
    await page.getByLabel('密碼', { exact: true }).fill('Review@2026');
    await page.getByRole('button', { name: '登入' }).click();
    await page.getByRole('heading', { name: '待審核申請' }).waitFor();
    const open = page.getByRole('link', { name: `審核: ${name}` });
    if (!(await open.count())) return;
    await open.first().click();
    await page.getByRole('button', { name: '核准' }).click();
    await page.waitForURL('**/review');
  } finally {
    await desk.close();
  }
}

export const CLINIC = { code: '3501200000', sam: 'SAM-3501200000', hpc: 'HPC-DR-0002', pin: '135790' };

/**
 * The patient's screenshot on the counter page, with the clerk's card readers the first time
 * (once they pass, the counter stays signed in for the shift).
 */
export async function presentAtCounter(counter, screenshot) {
  if (await counter.getByLabel('醫事機構代碼').count()) {
    await counter.getByLabel('醫事機構代碼').fill(CLINIC.code);
    await counter.getByLabel('安全模組卡金鑰').fill(CLINIC.sam);
    await counter.getByLabel('醫事人員卡號').fill(CLINIC.hpc);
    await counter.getByLabel('醫事人員卡 PIN').fill(CLINIC.pin);
  }
  await counter.getByLabel('或上傳手機畫面照片／截圖').setInputFiles({
    name: 'screenshot.png', mimeType: 'image/png', buffer: screenshot,
  });
  await counter.getByRole('button', { name: '驗證', exact: true }).click();
}

/** Signs the counter page in with the clinic's card readers, with nothing to verify yet. */
export async function signInCounter(counter, baseUrl) {
  await counter.goto(`${baseUrl}/counter`);
  await counter.getByLabel('醫事機構代碼').fill(CLINIC.code);
  await counter.getByLabel('安全模組卡金鑰').fill(CLINIC.sam);
  await counter.getByLabel('醫事人員卡號').fill(CLINIC.hpc);
  await counter.getByLabel('醫事人員卡 PIN').fill(CLINIC.pin);
  await counter.getByRole('button', { name: '驗證', exact: true }).click();
  await counter.getByLabel('病人身分證號').waitFor();
}

/** The clerk requests a patient's card for a video visit and lands on the request's page. */
export async function requestVideoVisit(counter, baseUrl, id, message) {
  await counter.goto(`${baseUrl}/counter`);
  await counter.getByLabel('病人身分證號').fill(id);
  await counter.getByLabel('給病人的留言（選填，請勿填寫病情）').fill(message);
  await counter.getByRole('button', { name: '送出請求' }).click();
  await counter.waitForURL('**/counter/video-visits/*');
  await counter.getByText('等待病人在 App 中同意').waitFor();
}
