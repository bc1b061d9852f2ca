/** The rules the schema cannot express. */
import { parseBaseReference } from './base-reference.js';
import { approversOf, ruleOf, type RawNotApplicable, type RawPolicy } from './raw-policy.js';
import type { DescribedError } from './schema-errors.js';

/** Rules the schema cannot express: exclusive keys, ids used twice, regular expressions that do not compile. */
export function semanticProblems(raw: RawPolicy): DescribedError[] {
  const problems: DescribedError[] = [];
  if (!isRecord(raw)) return problems;
  if (typeof raw.extends === 'string') {
    const base = parseBaseReference(raw.extends);
    // A text of the wrong form is already reported by the schema's pattern.
    if ('problem' in base && base.kind === 'path')
      problems.push({ path: ['extends'], atKey: false, message: `extends ${base.problem}.` });
  }
  const checklist = isRecord(raw.checklist) ? raw.checklist : {};
  if (checklist.heading !== undefined && checklist.start !== undefined) {
    problems.push({
      path: ['checklist', 'start'],
      atKey: true,
      message: 'checklist takes either "heading" or "start" (with "end"), not both.',
    });
  }
  const selector = isRecord(raw.gate) && isRecord(raw.gate['pull-requests']) ? raw.gate['pull-requests'] : {};
  if (typeof selector.title === 'string') {
    try {
      new RegExp(selector.title);
    } catch (error) {
      problems.push({
        path: ['gate', 'pull-requests', 'title'],
        atKey: false,
        message: `gate.pull-requests.title is not a valid regular expression: ${(error as Error).message}.`,
      });
    }
  }
  if (checklist.end !== undefined && checklist.start === undefined) {
    problems.push({
      path: ['checklist', 'end'],
      atKey: true,
      message: 'checklist.end needs checklist.start.',
    });
  }
  const seenIds = new Map<string, number>();
  (Array.isArray(raw.items) ? raw.items : []).forEach((item, index) => {
    if (!isRecord(item)) return;
    const name = `items.${index}`;
    if (item.text === undefined && item.match === undefined && item.id === undefined) {
      problems.push({
        path: ['items', index],
        atKey: false,
        message: `${name} needs "text", "match" or "id" to find its task item.`,
      });
    }
    if (item.text !== undefined && item.match !== undefined) {
      problems.push({
        path: ['items', index, 'match'],
        atKey: true,
        message: `${name} takes either "text" or "match", not both.`,
      });
    }
    if (typeof item.match === 'string') {
      try {
        new RegExp(item.match, 'i');
      } catch (error) {
        problems.push({
          path: ['items', index, 'match'],
          atKey: false,
          message: `${name}.match is not a valid regular expression: ${(error as Error).message}.`,
        });
      }
    }
    for (const key of ['same-commit', 'workflows', 'closed-by'] as const)
      if (isRecord(item.evidence) && item.evidence[key] !== undefined && item.evidence.verify !== true) {
        problems.push({
          path: ['items', index, 'evidence', key],
          atKey: true,
          message: `${name}.evidence.${key} needs verify: true.`,
        });
      }
    if (
      isRecord(item.evidence) &&
      item.evidence.repositories !== undefined &&
      item.evidence['same-commit'] !== true
    ) {
      problems.push({
        path: ['items', index, 'evidence', 'repositories'],
        atKey: true,
        message: `${name}.evidence.repositories needs same-commit: true (it names whose runs prove the commit).`,
      });
    }
    const own = item['not-applicable'] as RawNotApplicable | undefined;
    if (
      own !== undefined &&
      ruleOf(own) === 'with-approval' &&
      approversOf(own) === undefined &&
      item.approvers === undefined &&
      approversOf(raw['not-applicable']) === undefined
    ) {
      problems.push({
        path: ['items', index, 'not-applicable'],
        atKey: true,
        message: `${name}.not-applicable: with-approval needs someone to approve: name them in the long form ({ rule: with-approval, approvers: [...] }) or in the item's approvers.`,
      });
    }
    if (typeof item.id === 'string') {
      const first = seenIds.get(item.id);
      if (first !== undefined) {
        problems.push({
          path: ['items', index, 'id'],
          atKey: false,
          message: `${name}.id "${item.id}" is already used by items.${first}; ids must be unique.`,
        });
      } else {
        seenIds.set(item.id, index);
      }
    }
  });
  return problems;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- narrows YAML data of any shape before its fields are read
function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
