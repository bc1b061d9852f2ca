import { GitHubEmulator } from './emulator/github-emulator.js';
import { runAction } from './emulator/run-action.js';
import { pullRequestEvent } from './helpers/payloads.js';
import { stopAfterEach } from './helpers/emulator-per-test.js';
import { gatedPullRequest } from './helpers/gated-pull-request.js';

// Issue 25: through the bundle, the comment on the longest checklist GitHub takes (1,300 items)
// names every section with items open and fits one comment whole, instead of being cut off at
// GitHub's limit partway through the list.
const POLICY = 'version: 1\ngate:\n  branches: [master]\n';
const SECTIONS = Array.from({ length: 26 }, (_, n) => `Part ${n + 1}`);
const BODY = SECTIONS.flatMap((section) => [
  `## ${section}`,
  '',
  ...Array.from({ length: 50 }, (_, n) => `- [${n % 10 === 9 ? 'x' : ' '}] ${section} step ${n + 1}`),
  '',
]).join('\n');

let emulator: GitHubEmulator;
stopAfterEach(() => emulator);

it('posts one comment that fits whole: a line naming every section, then each open item, the done ones folded', async () => {
  expect(BODY.length).toBeLessThan(65536);
  emulator = new GitHubEmulator(gatedPullRequest(POLICY, { body: BODY }));
  const apiUrl = await emulator.start();
  const result = await runAction({
    apiUrl,
    eventName: 'pull_request',
    payload: pullRequestEvent('edited', BODY),
  });
  expect(result.code).toBe(1);
  const [comment] = emulator.gateComments(2);
  const body = comment?.body ?? '';
  expect(body.length).toBeLessThanOrEqual(65536);
  expect(body).not.toContain("cut to fit GitHub's size limit");
  expect(body).toContain('### ❌ checklist-gate: 1170 of 1300 required items open');
  expect(body).toContain(
    `**1170 open in 26 sections:** ${SECTIONS.map((section) => `${section} 45`).join(' · ')}`,
  );
  // Every section is there with its count, the last one too.
  for (const section of SECTIONS) expect(body).toContain(`**${section}** · 45 open`);
  expect(body).toContain('<details><summary>✅ 130 done</summary>');
});
