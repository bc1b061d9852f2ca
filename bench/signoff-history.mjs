// The sign-off history benchmark: who ticked the sign-off, read from 100 revisions of a description
// of GitHub's maximum size (65,536 characters), as the action reads them from the edit history.
import { description } from './workload.mjs';

const REVISIONS = 100;
const SIZE = 65536;
const POLICY = `version: 1
unlisted: optional
items:
  - id: security
    text: Security sign-off
    approvers: [alice]
`;

/**
 * 100 revisions, each different (an edit elsewhere appends a note), the sign-off ticked by alice
 * in revision `tickedAt`: the latest (the usual case, read back one revision) or the first (the
 * worst case: every revision stands between the tick and now).
 */
export function signoffHistory(tickedAt) {
  const base = description(SIZE - 200);
  const revisions = Array.from({ length: REVISIONS }, (_, index) => {
    const box = index >= tickedAt ? 'x' : ' ';
    const body = `- [${box}] Security sign-off\n\n${base}\n\nEdit ${index}.`.slice(0, SIZE);
    return { editor: index === tickedAt ? 'alice' : 'Codertocat', body };
  });
  return { revisions, current: revisions.at(-1).body };
}

/**
 * Times the evaluation of the current description with both histories (the engine bundle's
 * evaluate, as the action calls it); medians in milliseconds, and whether alice was credited.
 */
export function historyTimes(engine, runs, time, median) {
  const loaded = engine.loadPolicy(POLICY, 'bench.yml');
  if (!loaded.ok) throw new Error('the sign-off benchmark policy is invalid');
  const context = { event: 'pull_request', baseBranch: 'main', labels: [], changedPaths: null };
  return [
    ['latest', REVISIONS - 1],
    ['first', 0],
  ].map(([name, tickedAt]) => {
    const { revisions, current } = signoffHistory(tickedAt);
    const doc = engine.parseChecklist(current);
    const signoffs = { approvedBy: [], teams: new Map(), edit: null, history: revisions };
    let credited = false;
    const once = () => {
      const report = engine.evaluate(doc, loaded.policy, { ...context, signoffs });
      credited = report.items.find((item) => item.id === 'security')?.status === 'ok';
    };
    once();
    const times = Array.from({ length: runs }, () => time(once));
    return { name, ms: median(times), credited };
  });
}
