// A picture of the page `checklist-gate audit --format html` writes, for docs/audit.md: the
// committed CLI bundle audits the example organisation on the loopback emulator, and Chromium
// photographs the page. Run by `npm run docs:images`; needs Debian's chromium (/usr/bin/chromium).
import { shop, SHOP_JULY } from '../__tests__/emulator/audit-shop.js';
import { runAudit } from '../__tests__/emulator/run-audit.js';
import { launchChromium } from './chromium.mjs';

const emulator = shop();
const apiUrl = await emulator.start();
const run = await runAudit(apiUrl, [...SHOP_JULY, '--format', 'html']);
await emulator.stop();
if (run.code === 2) throw new Error(run.stderr);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1500, height: 700 } });
await page.setContent(run.stdout, { waitUntil: 'load' });
await page.screenshot({ path: new URL('images/audit.png', import.meta.url).pathname, fullPage: true });
await browser.close();
