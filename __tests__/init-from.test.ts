import { readdirSync, readFileSync } from 'node:fs';
import { adoptChecklist, END_MARKER, START_MARKER } from '../src/adopt/from-checklist.js';
import { parseChecklist } from '../src/checklist/parse.js';
import type { CliIO } from '../src/cli/cli-io.js';
import type { InitFiles } from '../src/cli/init-command.js';
import { runCli } from '../src/cli/run-cli.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { loadPolicy } from '../src/policy/load-policy.js';
import type { Policy } from '../src/policy/policy.js';
import type { NotApplicableException, Report } from '../src/evaluate/report.js';
import { describeWithSeeds, SEEDS } from './helpers/seeds.js';

// Issue 25: `init --from`, a policy and template made from the checklist a team already has.
function judge(body: string, policy: Policy): Report {
  return evaluate(parseChecklist(body), policy, {
    event: 'pull_request',
    baseBranch: 'main',
    labels: [],
    changedPaths: null,
    description: body,
  });
}

function adopt(text: string) {
  const adoption = adoptChecklist(text, 'seed.md');
  if (adoption === null) throw new Error('no checklist');
  const loaded = loadPolicy(adoption.policy, '.github/checklist-gate.yml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return { ...adoption, loaded: loaded.policy };
}

const tickAll = (template: string) => template.replace(/^(\s*(?:[-*+]|\d+[.)])\s+)\[ \]/gm, '$1[x]');

describe('init --from on a small checklist', () => {
  const CHECKLIST = [
    '# Release',
    '',
    '## Database',
    '',
    '- [ ] **Database setup**',
    '  - [ ] Migrations applied',
    '  - [ ] Replication configured (if needed)',
    '- [ ] Dashboards checked: [Grafana](https://grafana.acme.dev/d/1)',
    '',
    '## Rollout',
    '',
    '- [ ] Migrations applied',
    '',
  ].join('\n');

  it('writes one item per task item, with readable unique ids, sections, conditional items and hints', () => {
    const { loaded, summary } = adopt(CHECKLIST);
    expect(
      loaded.items.map((item) => [item.id, item.text, item.section, item.required, item.notApplicable.rule]),
    ).toEqual([
      ['database-setup', 'Database setup', 'Database', true, 'never'],
      ['migrations-applied', null, 'Database', true, 'never'],
      ['replication-configured', 'Replication configured (if needed)', 'Database', true, 'with-reason'],
      ['dashboards-checked', 'Dashboards checked', 'Database', true, 'never'],
      ['migrations-applied-2', null, 'Rollout', true, 'never'],
    ]);
    expect(loaded.items[3]?.evidence).toMatchObject({ min: 0, hint: 'https://grafana.acme.dev/d/1' });
    expect(summary).toEqual({ items: 5, sections: 2, conditional: ['replication-configured'], hints: 1 });
  });

  it('the template is the checklist as written, with an id marker on each item, between the markers', () => {
    const { template } = adopt(CHECKLIST);
    const lines = template.split('\n');
    expect(lines[0]).toBe(START_MARKER);
    expect(lines).toContain('- [ ] **Database setup** <!-- id: database-setup -->');
    expect(lines).toContain('  - [ ] Replication configured (if needed) <!-- id: replication-configured -->');
    expect(lines).toContain('- [ ] Migrations applied <!-- id: migrations-applied-2 -->');
    expect(lines.slice(-2)).toEqual([END_MARKER, '']);
    // Only markers were added, and, for the conditional item, how to mark one N/A.
    expect(lines[1]).toContain(
      'A conditional item that does not apply to this release: keep it and write the reason after its text',
    );
    expect(template.replace(/ <!-- id: [^>]+ -->/g, '').replace(`${lines[1]}\n`, '')).toBe(
      `${START_MARKER}\n${CHECKLIST.trimEnd()}\n${END_MARKER}\n`,
    );
  });

  it('the copy written twice is named by its marker: deleting one fails naming it', () => {
    const { template, loaded } = adopt(CHECKLIST);
    const deleted = tickAll(template).replace(
      /^- \[x\] Migrations applied <!-- id: migrations-applied-2 -->\n/m,
      '',
    );
    const report = judge(deleted, loaded);
    expect(report.passed).toBe(false);
    expect(report.items.filter((item) => item.status === 'missing').map((item) => item.id)).toEqual([
      'migrations-applied-2',
    ]);
  });

  it('a conditional item stays required, and stands as not applicable with a reason', () => {
    const { template, loaded } = adopt(CHECKLIST);
    const ticked = tickAll(template);
    const open = ticked.replace(
      '[x] Replication configured (if needed)',
      '[ ] Replication configured (if needed)',
    );
    const left = judge(open, loaded);
    expect(left.passed).toBe(false);
    expect(left.items.filter((item) => item.status === 'unchecked').map((item) => item.id)).toEqual([
      'replication-configured',
    ]);
    const skipped = open.replace(
      'Replication configured (if needed)',
      'Replication configured (if needed) — N/A: a single node, nothing to replicate',
    );
    const report = judge(skipped, loaded);
    expect(report.passed).toBe(true);
    expect(
      report.exceptions?.map((exception) => [(exception as NotApplicableException).id, exception.state]),
    ).toEqual([['replication-configured', 'accepted']]);
    // Only the conditional item may be skipped that way.
    const other = ticked.replace('[x] Dashboards checked', '[ ] Dashboards checked — N/A: no dashboards yet');
    expect(judge(other, loaded).passed).toBe(false);
  });

  it('through the CLI: writes the three files and a summary', async () => {
    const written = new Map<string, string>();
    const files: InitFiles = {
      checklistNames: async () => [],
      readChecklistFile: async () => '',
      workflowFiles: async () => [],
      gitRoot: async () => '/repo',
      originUrl: async () => null,
      exists: async () => false,
      write: async (path, text) => void written.set(path, text),
    };
    let out = '';
    const io: CliIO = {
      files,
      readText: async (path) => {
        if (path !== 'ours.md') throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        return CHECKLIST;
      },
      out: (text) => (out += text),
      err: () => undefined,
    };
    expect(await runCli(['init', '--from', 'ours.md'], io)).toBe(0);
    expect([...written.keys()]).toEqual([
      '/repo/.github/checklist-gate.yml',
      '/repo/.github/PULL_REQUEST_TEMPLATE/release.md',
      '/repo/.github/workflows/checklist-gate.yml',
    ]);
    expect(written.get('/repo/.github/checklist-gate.yml')).toMatch(/^# yaml-language-server: \$schema=/);
    expect(out).toContain(
      'Made from your checklist: 5 items under 2 headings, 1 conditional item (not-applicable: with-reason), 1 evidence hint from the links already on items.\n',
    );
    expect(await runCli(['init', '--from', 'missing.md', '--force'], io)).toBe(2);
  });
});

describeWithSeeds('init --from on the five seed checklists', () => {
  const seeds = readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort();

  it('finds all five', () => {
    expect(seeds).toHaveLength(5);
  });

  describe.each(seeds)('%s', (name) => {
    const text = readFileSync(new URL(name, SEEDS), 'utf8');
    const { template, loaded, summary } = adopt(text);

    it('validates, with one item per task item and unique ids', () => {
      expect(loaded.items).toHaveLength(parseChecklist(text).items.length);
      expect(new Set(loaded.items.map((item) => item.id)).size).toBe(loaded.items.length);
      expect(summary.items).toBe(loaded.items.length);
      for (const item of loaded.items) expect(item.id).toMatch(/^[a-z0-9][a-z0-9-]{0,45}$/);
    });

    it('the template unticked fails, naming every item', () => {
      const report = judge(template, loaded);
      expect(report.passed).toBe(false);
      const named = new Set(report.items.map((item) => item.id));
      for (const item of loaded.items) expect(named.has(item.id)).toBe(true);
      const open = report.items.filter((item) => item.status === 'unchecked').length;
      expect(open).toBe(loaded.items.filter((item) => item.required).length);
    });

    it('fully ticked, it passes', () => {
      expect(judge(tickAll(template), loaded).passed).toBe(true);
    });

    it('with one item deleted, it fails naming that item', () => {
      const ticked = tickAll(template).split('\n');
      const leaf = loaded.items.findLast((item) => item.required) ?? loaded.items[0];
      const index = ticked.findIndex((line) => line.includes(`<!-- id: ${leaf?.id} -->`));
      ticked.splice(index, 1);
      const report = judge(ticked.join('\n'), loaded);
      expect(report.passed).toBe(false);
      expect(report.items.filter((item) => item.status === 'missing').map((item) => item.id)).toEqual([
        leaf?.id,
      ]);
    });

    it('its conditional items, left open and marked not applicable with a reason, let it pass', () => {
      const marked = tickAll(template)
        .split('\n')
        .map((line) => {
          const id = / <!-- id: ([^ ]+) -->$/.exec(line)?.[1];
          if (id === undefined || !summary.conditional.includes(id)) return line;
          return line.replace('[x]', '[ ]').replace(' <!-- id:', ' — N/A: not part of this release <!-- id:');
        })
        .join('\n');
      const report = judge(marked, loaded);
      expect(report.passed).toBe(true);
      expect(report.exceptions?.map((exception) => (exception as NotApplicableException).id) ?? []).toEqual(
        summary.conditional,
      );
    });

    it('with one item reworded, it still matches by its marker', () => {
      const ticked = tickAll(template).split('\n');
      const index = ticked.findIndex((line) => / <!-- id: /.test(line));
      ticked[index] = (ticked[index] ?? '').replace(
        /\[x\] .*? <!-- id:/,
        '[x] Said another way entirely <!-- id:',
      );
      expect(judge(ticked.join('\n'), loaded).passed).toBe(true);
    });
  });
});
