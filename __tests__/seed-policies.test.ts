import { readFileSync } from 'node:fs';
import { markdownToPlainText, parseChecklist } from '../src/checklist/parse.js';
import { matchKey } from '../src/checklist/plain-text.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { loadPolicy } from '../src/policy/load-policy.js';
import type { Policy } from '../src/policy/policy.js';
import type { ItemStatus } from '../src/evaluate/report.js';
import { SEEDS, describeWithSeeds } from './helpers/seeds.js';

const ROOT = new URL('../', import.meta.url);

/** Each real-world seed checklist and the ready checklist written from it. */
const SEED_POLICIES: [seed: string, checklist: string][] = [
  ['000_6dd8eed9615fca83.txt', 'loan-approval-ml'],
  ['001_8905693e209af34b.txt', 'ml-api-observability'],
  ['002_c34c65e9100fc2e9.txt', 'claims-analytics'],
  ['003_45ad472ede7e1ccb.txt', 'power-theft-detection'],
  ['004_6862397d6f787198.txt', 'moderation-platform'],
];

/** The statuses of a required item that holds the gate shut. */
const FAILING: ReadonlySet<ItemStatus> = new Set(['missing', 'unchecked', 'no-evidence', 'bad-evidence']);

const CONTEXT = { event: 'pull_request' as const, baseBranch: 'main', labels: [], changedPaths: null };

function policyOf(checklist: string): Policy {
  const path = `checklists/${checklist}/checklist-gate.yml`;
  const loaded = loadPolicy(readFileSync(new URL(path, ROOT), 'utf8'), path);
  if (!loaded.ok)
    throw new Error(
      loaded.errors.map((error) => `${error.line}:${error.column} ${error.message}`).join('\n'),
    );
  return loaded.policy;
}

/** A line as it reads: list marker, numbering and check box dropped, markup stripped, compared like item texts. */
function lineKey(line: string): string {
  const bare = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '').replace(/^#+\s+/, '');
  return matchKey(markdownToPlainText(bare));
}

describeWithSeeds('the seeds against the ready checklists written from them', () =>
  describe.each(SEED_POLICIES)('the seed %s against checklists/%s/', (seed, checklist) => {
    const markdown = readFileSync(new URL(seed, SEEDS), 'utf8');
    const policy = policyOf(checklist);

    it('fails the gate, naming every required item of the policy', () => {
      const report = evaluate(parseChecklist(markdown), policy, CONTEXT);
      expect(report.errors).toEqual([]);
      expect(report.conclusion).toBe('fail');
      expect(report.passed).toBe(false);
      const failing = new Set(report.items.filter((item) => FAILING.has(item.status)).map((item) => item.id));
      const required = policy.items.filter((rule) => rule.required).map((rule) => rule.id);
      expect(required.length).toBeGreaterThan(0);
      expect(required.filter((id) => !failing.has(id))).toEqual([]);
    });

    it('words every item in its own words, not as a line of the seed', () => {
      const seedLines = new Set(
        markdown
          .split('\n')
          .map(lineKey)
          .filter((key) => key !== ''),
      );
      const copied = policy.items
        .map((rule) => rule.text ?? '')
        .filter((text) => seedLines.has(matchKey(markdownToPlainText(text))));
      expect(copied).toEqual([]);
    });
  }),
);
