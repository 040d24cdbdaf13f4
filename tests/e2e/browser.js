// Launching Debian's chromium through playwright-core, with a fresh profile every time.
// The profile's HOME carries an NSS database that trusts the backend's CA (set up by
// scripts/test.sh), so the page is a real HTTPS page with a valid certificate.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.NHI_E2E_URL;
export const SCREENSHOTS = process.env.NHI_E2E_SCREENSHOTS ?? 'test-output/screenshots';

if (!BASE_URL) {
  throw new Error('NHI_E2E_URL is not set: run the browser tests through scripts/test.sh');
}

/** A fresh browser; `locale` is the language the phone is set to (what it asks pages for). */
export async function openBrowser({ locale = 'zh-TW' } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'nhi-e2e-profile-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 400, height: 820 },
    locale,
    // The phones and the counter are in Taiwan: the app shows times on the device's clock,
    // the counter in Taiwan time, and a screenshot should show one clock.
    timezoneId: 'Asia/Taipei',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The phone a test file drives: its browser and first tab, with the page's errors logged. */
export async function openPhone(options) {
  const phone = await openBrowser(options);
  const page = phone.pages()[0] ?? (await phone.newPage());
  page.on('pageerror', (e) => console.error('page error:', e));
  return { phone, page };
}

/**
 * The whole page as one picture. The window is made as tall as the page for the shot, so
 * that what is fixed to the bottom of the screen (the tab bar) is drawn at the bottom and
 * not across the middle of the page; then it is given back its size.
 */
export async function shot(page, name) {
  const screen = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: screen.width, height: Math.max(height, screen.height) });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await page.setViewportSize(screen);
}

/**
 * What the phone's screen shows of one element (a QR code), as a person would photograph it:
 * centred first, so the sticky header or the bottom bar never covers part of it.
 */
export async function screenshotOf(locator) {
  await locator.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  return locator.screenshot();
}

/** What has the keyboard focus, as "tag: text". */
export function focused(page) {
  return page.evaluate(() => `${document.activeElement?.tagName.toLowerCase()}: ${document.activeElement?.innerText?.trim()}`);
}
