import { parseChecklist } from '../src/checklist/parse.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { defaultPolicy } from '../src/policy/default-policy.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { renderText } from '../src/report/text.js';
import { CONTEXT, load } from './helpers/hardening-policy.js';

/** Items struck through on GitHub ("~~…~~"): not done and not skipped when open; done, and said so, when ticked. */
const POLICY = load(
  'version: 1\nitems:\n  - text: Load balancer configured\n  - text: Rollback plan tested\n',
);

function gate(markdown: string) {
  const report = evaluate(parseChecklist(markdown), POLICY, CONTEXT);
  return { report, comment: renderMarkdown(report, { title: 'checklist-gate' }), text: renderText(report) };
}

describe('items struck through', () => {
  it('an open item struck through is not done and not skipped, and the report says how a policy skips it', () => {
    const { report, comment, text } = gate(
      '- [ ] ~~Load balancer configured~~\n- [x] Rollback plan tested\n',
    );
    expect(report.passed).toBe(false);
    const item = report.items.find((entry) => entry.text === 'Load balancer configured');
    expect(item?.status).toBe('unchecked');
    expect(item?.problems).toEqual(['not ticked', 'struck through, which does not skip it']);
    const fix =
      'Striking an item through does not skip it: tick it once it is done, or make it not required in the policy with required: false on its rule, or a when condition.';
    expect(item?.fix).toBe(fix);
    expect(comment).toContain('struck through, which does not skip it');
    expect(comment).toContain('in the policy with required: false on its rule, or a when condition.');
    expect(text).toContain('struck through, which does not skip it');
  });

  it('an open item not struck through keeps the plain advice (the test above can fail)', () => {
    const { report } = gate('- [ ] Load balancer configured\n- [x] Rollback plan tested\n');
    const item = report.items.find((entry) => entry.text === 'Load balancer configured');
    expect(item?.problems).toEqual(['not ticked']);
    expect(item?.fix).not.toMatch(/struck/);
  });

  it('a ticked item struck through counts as done, as GitHub shows it ticked, and the report says it is struck through', () => {
    const { report, comment, text } = gate(
      '- [x] ~~Load balancer configured~~\n- [x] Rollback plan tested\n',
    );
    expect(report.passed).toBe(true);
    const note =
      'Line 1, "Load balancer configured", is ticked and struck through: it counts as done, as GitHub shows it ticked.';
    expect(report.notes).toContain(note);
    expect(comment).toContain(note);
    expect(text).toContain(note);
  });

  it('with no policy file, a struck-through open item is required', () => {
    const report = evaluate(parseChecklist('- [ ] ~~Load balancer configured~~\n'), defaultPolicy(), CONTEXT);
    expect(report.passed).toBe(false);
    expect(report.items[0]?.problems).toContain('struck through, which does not skip it');
  });
});
