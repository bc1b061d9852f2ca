import { parse } from 'yaml';
import type { CliIO } from '../src/cli/cli-io.js';
import { WORKFLOW, type InitFiles } from '../src/cli/init-command.js';
import { runCli } from '../src/cli/run-cli.js';
import { runCliCaptured } from './helpers/run-cli-captured.js';

const BASE = `version: 1
items:
  - id: tests
    text: Tests pass
`;
const FOLLOW_UP = `${BASE}emergency:
  label: emergency
  approvers: [your-org/sre]
  follow-up: issue
`;

/** `init` with a ready checklist whose policy is `policy`: what it writes and says. */
async function init(policy: string) {
  const written = new Map<string, string>();
  const files: InitFiles = {
    checklistNames: async () => ['production-release'],
    readChecklistFile: async (_name, file) => (file === 'release.md' ? '- [ ] Tests pass\n' : policy),
    gitRoot: async () => '/work/repo',
    originUrl: async () => null,
    workflowFiles: async () => [],
    exists: async () => false,
    write: async (path, text) => void written.set(path, text),
  };
  const run = await runCliCaptured(['init'], { files, readText: async () => '' });
  const workflow = written.get('/work/repo/.github/workflows/checklist-gate.yml') ?? '';
  return { ...run, workflow: parse(workflow) as Record<string, any> };
}

describe('init and emergency releases', () => {
  it('with follow-up: issue, the workflow runs on the merge (closed) and may open issues', async () => {
    const { code, workflow } = await init(FOLLOW_UP);
    expect(code).toBe(0);
    expect(workflow['on']['pull_request_target'].types).toEqual([
      'opened',
      'edited',
      'reopened',
      'synchronize',
      'ready_for_review',
      'labeled',
      'unlabeled',
      'closed',
    ]);
    expect(workflow['on']['pull_request_review'].types).toEqual(['submitted', 'edited', 'dismissed']);
    expect(workflow['permissions']).toEqual({
      contents: 'read',
      'pull-requests': 'write',
      statuses: 'write',
      issues: 'write',
    });
  });

  it('without it, neither: the workflow is the README’s but for the sweep’s time', async () => {
    for (const policy of [BASE, FOLLOW_UP.replace('follow-up: issue', 'follow-up: none')]) {
      const { workflow } = await init(policy);
      const readme = parse(WORKFLOW) as Record<string, any>;
      expect(workflow['permissions']).toEqual(readme['permissions']);
      expect(workflow['on']['pull_request_target']).toEqual(readme['on']['pull_request_target']);
      expect(workflow['on']['pull_request_target'].types).toContain('labeled');
    }
  });

  it('says that a placeholder team approves no one until it is set', async () => {
    const { out } = await init(FOLLOW_UP);
    expect(out).toContain(
      'emergency.approvers names your-org/sre, a placeholder: no one can approve until it is your team (org/team) or logins.',
    );
  });
});

describe('validate and placeholder approvers', () => {
  async function validate(argv: string[], policy: string) {
    const err: string[] = [];
    const io: CliIO = {
      readText: async () => policy,
      out: () => undefined,
      err: (text) => err.push(text),
    };
    return { code: await runCli(['validate', '--policy', 'p.yml', ...argv], io), err: err.join('') };
  }

  it('warns while a placeholder team is unset, and --strict fails', async () => {
    const lenient = await validate([], FOLLOW_UP);
    expect(lenient.code).toBe(0);
    expect(lenient.err).toContain('warning: emergency.approvers names your-org/sre, a placeholder');
    expect((await validate(['--strict'], FOLLOW_UP)).code).toBe(1);
    // Set, with policy-owners named too (without them validate warns that nobody guards the configuration).
    const settled = `${FOLLOW_UP.replace('your-org/sre', 'acme/sre')}policy-owners: [acme/platform]\n`;
    expect((await validate(['--strict'], settled)).code).toBe(0);
  });
});
