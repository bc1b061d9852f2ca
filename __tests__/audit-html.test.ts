import type { Browser } from 'playwright-core';
import { launchChromium } from '../docs/chromium.mjs';
import { shop, SHOP_JULY } from './emulator/audit-shop.js';
import type { OrgEmulator } from './emulator/org-emulator.js';
import { runAudit } from './emulator/run-audit.js';

// Issue 26: the audit's HTML page, as produced by the bundled CLI, opened in Chromium with no network.

let emulator: OrgEmulator;
let browser: Browser;
let html: string;

beforeAll(async () => {
  emulator = shop();
  const apiUrl = await emulator.start();
  const run = await runAudit(apiUrl, [...SHOP_JULY, '--format', 'html']);
  expect(run.code).toBe(1);
  html = run.stdout;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

describe("the audit's HTML page in Chromium", () => {
  it('shows the counts, highlights bypassed and foreign rows, filters, and asks the network for nothing', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('data:') && request.url() !== 'about:blank')
        requested.push(request.url());
    });
    await page.setContent(html, { waitUntil: 'load' });
    const count = (name: string) => page.locator(`[data-count="${name}"] b`).textContent();
    expect(await count('total')).toBe('8');
    expect(await count('passed')).toBe('2');
    expect(await count('bypassed')).toBe('3');
    expect(await count('foreign')).toBe('1');
    expect(await count('exception')).toBe('1');
    expect(await count('policy-changed')).toBe('1');

    const alarms = page.locator('tbody tr.alarm');
    expect(await alarms.count()).toBe(4);
    const background = await alarms
      .first()
      .locator('td')
      .first()
      .evaluate((cell) => cell.ownerDocument.defaultView?.getComputedStyle(cell).backgroundColor);
    const plain = await page
      .locator('tbody tr:not(.alarm) td')
      .first()
      .evaluate((cell) => cell.ownerDocument.defaultView?.getComputedStyle(cell).backgroundColor);
    expect(background).toBe('rgb(255, 235, 233)');
    expect(plain).not.toBe(background);

    await page.selectOption('#classification', 'bypassed');
    expect(await page.locator('tbody tr:visible').count()).toBe(3);
    expect(await page.locator('#shown').textContent()).toBe('3 of 8 shown');
    await page.selectOption('#classification', '');
    await page.selectOption('#repository', 'acme/shop');
    expect(await page.locator('tbody tr:visible').count()).toBe(8);
    expect(requested).toEqual([]);
    await page.close();
  });
});
