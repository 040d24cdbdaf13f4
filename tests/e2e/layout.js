// Layout checks by machine, shared by the browser tests: what a small phone, large text and
// a screen reader need of every screen.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Touch targets smaller than this (CSS px) are too small for a finger (WCAG 2.5.5). */
export const MIN_TARGET = 44;

export const PHONES = [
  { width: 360, height: 640 },
  { width: 400, height: 860 },
];

/** Text at 200 %: the root font size doubled, as a phone's "large text" setting does. */
export async function largeText(page) {
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
}

/** What is wrong with the screen now showing: overflow, axe's serious findings, small targets. */
export async function problems(page, name) {
  // Let the screen settle (data loaded, spinners gone).
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.spinner'), null, { timeout: 10_000 }).catch(() => {});
  const found = [];
  const { scroll, inner, culprits } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
    // The innermost elements reaching past the right edge: what to fix.
    culprits: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((el) => ![...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5))
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')} "${(el.innerText || '').trim().slice(0, 16)}"`),
  }));
  if (scroll > inner) found.push(`${name}: ${scroll} px wide in a ${inner} px viewport (${culprits.join(', ')})`);
  // axe goes in through the DevTools protocol, which the page's content security policy
  // does not govern; the page itself still runs no inline script.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  for (const v of violations) found.push(`${name}: ${v}`);
  const small = await page.evaluate((min) => {
    // Controls a finger must hit. Links inside running text are exempt (WCAG's inline
    // exception); a checkbox or a hidden file input is hit through its label.
    const targets = [...document.querySelectorAll('button, select, textarea, input, a.button, a.tile, nav a, label.button, label.checkbox')]
      .map((el) => (el.matches('input[type=checkbox], input[type=radio], input[type=file]') ? el.closest('label') : el))
      .filter((el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
    return [...new Set(targets)]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 1 && box.height > 1 && (box.height < min - 0.5 || box.width < min - 0.5))
      .map(({ el, box }) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} "${(el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 20)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
  }, MIN_TARGET);
  for (const s of small) found.push(`${name}: target under ${MIN_TARGET} px: ${s}`);
  return found;
}

/**
 * The card's QR, its countdown and "Update" are all on screen above the tab bar, with the
 * page scrolled to the top: what the clinic needs, without the person scrolling.
 */
export async function assertQrInView(page, name, update = '更新') {
  const qr = page.locator('img.card-qr');
  await qr.waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  const height = page.viewportSize().height;
  const tabBar = await page.locator('nav.tab-bar').boundingBox();
  const bottom = tabBar ? Math.min(tabBar.y, height) : height;
  for (const [what, locator] of [
    ['QR', qr],
    ['countdown', page.locator('#qr-countdown')],
    ['Update', page.getByRole('button', { name: update })],
  ]) {
    const box = await locator.boundingBox();
    assert.ok(box, `${name}: no ${what}`);
    assert.ok(box.y >= 0 && box.y + box.height <= bottom + 0.5,
      `${name}: ${what} at ${Math.round(box.y)}–${Math.round(box.y + box.height)}, the screen ends at ${Math.round(bottom)}`);
  }
}
