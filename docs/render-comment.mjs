// `npm run docs:images`: pictures of the comment the action really posts, for the README. It runs
// the committed bundle against the loopback emulator (as `npm run demo` does), renders the comment
// bodies it wrote with cmark-gfm (GitHub's renderer) in GitHub's stylesheet, and photographs them
// in Chromium. Needs Debian's chromium (/usr/bin/chromium) and fonts-noto-color-emoji (else the
// emoji are empty boxes); not part of CI.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchChromium } from './chromium.mjs';
import { GitHubEmulator } from '../__tests__/emulator/github-emulator.js';
import { runAction } from '../__tests__/emulator/run-action.js';

const require = createRequire(import.meta.url);
const cmark = require('cmark-gfm');
const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

const policy = read('checklists/production-release/checklist-gate.yml');
const template = read('checklists/production-release/release.md');
const tick = (body, text) => body.replace(`- [ ] ${text}`, `- [x] ${text}`);
let failing = template;
for (const text of [
  'Every change',
  'Automated tests pass',
  'No secrets',
  'A backup',
  'Dashboards and alerts',
  'On-call',
]) {
  failing = tick(failing, text);
}
failing = failing
  .replace('Evidence: a link to the dashboard', 'Evidence: https://grafana.acme.dev/d/checkout')
  .replace(
    'Evidence: a link to the CI run of the release commit',
    'Evidence: https://ci.acme.dev/builds/881',
  );
let passing = failing.replace(/- \[ \] (?!Error rate|Retrospective)/g, '- [x] ');
passing = passing
  .replace(
    'Evidence: https://ci.acme.dev/builds/881',
    'Evidence: https://github.com/acme/checkout/actions/runs/8812',
  )
  .replace('Evidence: a link to the scan report', 'Evidence: https://scanner.acme.dev/reports/4411')
  .replace('Evidence: a link to the load-test report', 'Evidence: https://grafana.acme.dev/d/k6-release')
  .replace(
    'Evidence: a link to the runbook or the rehearsal record',
    'Evidence: https://wiki.acme.dev/runbooks/checkout-rollback',
  );

// A long checklist (40 items): laid out with a line per section first and short item lines.
const longPolicy = read('checklists/loan-approval-ml/checklist-gate.yml');
const longBody = read('checklists/loan-approval-ml/release.md')
  .replace(
    /- \[ \] (?!.*id: (?:load-test|backup-restore|model-consistency|health-check|on-call|rollback-plan|signoff-qa-lead|watch-24h)\b)/g,
    '- [x] ',
  )
  .replace(/Evidence: a link to [^\n]*/g, 'Evidence: https://github.com/acme/loans/actions/runs/7001');

async function commentFor(body, rules = policy) {
  const emulator = new GitHubEmulator({
    files: { master: { '.github/checklist-gate.yml': rules } },
    pulls: [{ number: 2, base: 'master', headSha: 'e'.repeat(40), body, files: ['src/checkout.ts'] }],
  });
  const apiUrl = await emulator.start();
  try {
    await runAction({
      apiUrl,
      eventName: 'pull_request',
      payload: {
        action: 'edited',
        pull_request: { number: 2, base: { ref: 'master' } },
        repository: { default_branch: 'master' },
      },
    });
    return emulator.gateComments(2)[0].body;
  } finally {
    await emulator.stop();
  }
}

function page(markdown) {
  const html = cmark.renderHtmlSync(markdown, {
    unsafe: true,
    extensions: { table: true, autolink: true, strikethrough: true, tasklist: true, tagfilter: true },
  });
  return `<!doctype html><meta charset="utf-8"><style>${css}
    body { background: #fff; margin: 0; padding: 16px; font-family: -apple-system, "Segoe UI", sans-serif; }
    .comment { width: 820px; border: 1px solid #d0d7de; border-radius: 6px; }
    .header { background: #f6f8fa; border-bottom: 1px solid #d0d7de; padding: 8px 16px; font-size: 14px; color: #57606a; border-radius: 6px 6px 0 0; }
    .header b { color: #24292f; } .bot { border: 1px solid #d0d7de; border-radius: 2em; padding: 0 6px; font-size: 12px; margin-left: 4px; }
    .markdown-body { padding: 16px; font-size: 14px; } details { margin-top: 8px; }</style>
    <div class="comment"><div class="header"><b>github-actions</b><span class="bot">bot</span> commented</div>
    <div class="markdown-body">${html}</div></div>`;
}

const browser = await launchChromium();
try {
  for (const [name, body, rules] of [
    ['comment-failing', failing, policy],
    ['comment-passing', passing, policy],
    ['comment-long', longBody, longPolicy],
  ]) {
    const markdown = await commentFor(body, rules);
    const tab = await browser.newPage({ deviceScaleFactor: 1 });
    await tab.setContent(page(markdown));
    if (name === 'comment-passing') await tab.click('summary');
    await tab
      .locator('.comment')
      .screenshot({ path: new URL(`images/${name}.png`, import.meta.url).pathname });
    await tab.close();
    console.log(`docs/images/${name}.png`);
  }
} finally {
  await browser.close();
}
