/** The pull-request template a policy implies. */
import { evidenceWords } from '../evaluate/advice.js';
import type { Condition, ItemRule, Policy, SectionRule } from '../policy/policy.js';

/** How an author writes N/A, for a template whose policy allows it somewhere. */
export const NOT_APPLICABLE_NOTE =
  '<!-- An item marked "N/A allowed" that does not apply to this release: keep it and write the reason after its text, as in "- [ ] Load balancer configured — N/A: single instance behind the ingress" (or "Not applicable: …"; a heading carrying it covers its section). -->';

/**
 * The pull-request template a policy implies: its checklist block, each item with its id marker
 * (so it is found even if reworded), a bullet saying what evidence it needs, and hidden notes
 * for optional and conditional items. Generating it keeps template and policy from drifting.
 */
export function renderTemplate(policy: Policy): string {
  const lines: string[] = [];
  const { heading, start, end } = policy.checklist;
  if (heading !== undefined) lines.push(`## ${heading}`, '');
  if (start !== undefined) lines.push(start);
  lines.push(
    '<!-- Tick each item when it is done. An item that needs evidence needs a link on its line or in a bullet under it. -->',
  );
  // Where the policy lets items be skipped: how to say so, so that nobody ticks a box that is not true.
  if (
    policy.notApplicable.rule !== 'never' ||
    policy.items.some((rule) => rule.notApplicable.rule !== 'never')
  )
    lines.push(NOT_APPLICABLE_NOTE);
  const groups = groupBySection(policy.items);
  const sectionRules = new Map(policy.sections.map((rule) => [rule.heading.toLowerCase(), rule]));
  const level = heading !== undefined ? '###' : '##';
  for (const [section, rules] of groups) {
    lines.push('');
    if (section !== null)
      lines.push(`${level} ${section}`, ...sectionNote(sectionRules.get(section.toLowerCase())));
    for (const rule of rules) lines.push(...itemLines(rule));
  }
  for (const rule of policy.sections) {
    if (
      groups.has(rule.heading) ||
      [...groups.keys()].some((name) => name?.toLowerCase() === rule.heading.toLowerCase())
    )
      continue;
    lines.push(
      '',
      `${level} ${rule.heading}`,
      ...sectionNote(rule),
      "<!-- list this section's task items here -->",
    );
  }
  if (start !== undefined && end !== undefined) lines.push('', end);
  return lines.join('\n') + '\n';
}

function groupBySection(rules: ItemRule[]): Map<string | null, ItemRule[]> {
  const groups = new Map<string | null, ItemRule[]>();
  for (const rule of rules) groups.set(rule.section, [...(groups.get(rule.section) ?? []), rule]);
  return groups;
}

function itemLines(rule: ItemRule): string[] {
  const text = rule.text ?? rule.id ?? 'item';
  const notes = [
    rule.id !== null ? `<!-- id: ${rule.id} -->` : null,
    rule.required ? null : '<!-- optional -->',
    whenNote(rule.when),
    notApplicableNote(rule),
  ];
  const lines = [`- [ ] ${[text, ...notes].filter((part) => part !== null).join(' ')}`];
  if (rule.evidence && rule.evidence.min > 0) lines.push(`  - Evidence: ${evidenceWords(rule.evidence)}`);
  return lines;
}

function notApplicableNote(rule: ItemRule): string | null {
  if (!rule.required) return null;
  const { rule: setting, approvers } = rule.notApplicable;
  if (setting === 'with-reason') return '<!-- N/A allowed, with a reason -->';
  if (setting === 'with-approval')
    return `<!-- N/A allowed, with a reason and the approval of ${(approvers ?? []).join(' or ')} -->`;
  return null;
}

function sectionNote(rule: SectionRule | undefined): string[] {
  if (!rule) return [];
  const need =
    rule.require === 'none'
      ? 'optional: these do not block the merge'
      : rule.require === 'any'
        ? 'at least one of these must be ticked'
        : rule.require === 'all'
          ? null
          : `at least ${rule.require} of these must be ticked`;
  const parts = [need, whenNote(rule.when)?.slice(5, -4) ?? null].filter((part) => part !== null);
  return parts.length > 0 ? [`<!-- ${parts.join('; ')} -->`] : [];
}

function whenNote(when: Condition | null): string | null {
  if (!when) return null;
  const parts = [
    when.labels ? `the pull request has the label ${when.labels.join(' or ')}` : null,
    when.paths ? `it changes ${when.paths.join(' or ')}` : null,
    when.branches ? `its base branch is ${when.branches.join(' or ')}` : null,
    when.events ? `the event is ${when.events.join(' or ')}` : null,
  ].filter((part) => part !== null);
  return `<!-- required only when ${parts.join(', and ')} -->`;
}
