/** The report as Markdown: the pull request's comment and the job summary. */
import type { NotApplicableException, Report, ReportItem, SectionResult } from '../evaluate/report.js';
import { FAILING_STATUSES } from '../evaluate/report.js';
import { emergencyLines, emergencyOf } from './emergency-markdown.js';
import {
  compactFailingItem,
  compactPassingItem,
  failingItem,
  isPlainUnticked,
  passingItem,
} from './markdown-items.js';
import { groupedBySection, sectionCounts, sectionOverview } from './markdown-sections.js';
import { safeInline, safeMessage, truncate } from './safe-text.js';

export { isPlainUnticked } from './markdown-items.js';

export interface MarkdownOptions {
  /** The gate's name, shown in the heading: the check name in the action. */
  title?: string;
  /** A checklist to paste, offered when none was found. */
  template?: string | null;
  /** The policy file at the ref it was read from, on GitHub. */
  policyUrl?: string | null;
  /** The workflow run that wrote the report. */
  runUrl?: string | null;
  /** The most characters the Markdown may have; default MARKDOWN_LIMIT. */
  limit?: number;
}

/** GitHub's limit on a comment body (65,536 characters), less room for the gate's hidden marker and stamp. */
export const MARKDOWN_LIMIT = 64_000;

/** A checklist with more items than this is laid out as a long one: a line per section first, short item lines. */
export const LONG_CHECKLIST = 25;

/** How the checklist's items are laid out: chosen so that the comment reads well and fits. */
interface Layout {
  long: boolean;
  /** Whether the done, optional and not-required items are listed (folded), or only counted per section. */
  listPassing: boolean;
  /** At most this many open items listed per section. */
  cap?: number;
}

/** The report as Markdown, for the pull request comment and the job summary: what fails and how to fix it first. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const title = safeInline(options.title ?? 'checklist-gate', 100);
  const lines: string[] = [];
  if (report.conclusion === 'error') {
    lines.push(
      `### ⚠️ ${title}: the policy could not be used`,
      '',
      safeInline(report.summary, 500) + '.',
      '',
    );
    for (const error of report.errors) {
      const place = [error.file, error.line, error.column].filter((part) => part !== null).join(':');
      lines.push(`- \`${place.replace(/`/g, "'")}\` ${safeMessage(error.message, 1000)}`);
    }
    lines.push(
      '',
      'Fix the policy file on the base branch; a pull request cannot change the policy that gates it.',
    );
    return lines.join('\n') + '\n';
  }
  const icon = report.passed ? '✅' : '❌';
  lines.push(`### ${icon} ${title}: ${safeInline(report.summary, 200)}`, '');
  if (!report.checklist.found) {
    lines.push(...noChecklist(report, options.template ?? null));
    if (report.policy.path && options.policyUrl)
      lines.push('', `<sub>${policyLink(report.policy.path, options.policyUrl)}</sub>`);
    if (options.runUrl) lines.push('', `<sub>[Workflow run](${linkTarget(options.runUrl)})</sub>`);
    return lines.join('\n') + '\n';
  }
  const failing = report.items.filter((item) => item.required && FAILING_STATUSES.has(item.status));
  const limit = options.limit ?? MARKDOWN_LIMIT;
  const head = lines.join('\n') + '\n';
  const render = (layout: Layout) => head + checklistMarkdown(report, failing, options, layout);
  // Laid out in full where it fits; else the passing items only counted, then fewer open items per section.
  let layout: Layout = { long: report.items.length > LONG_CHECKLIST, listPassing: true };
  let markdown = render(layout);
  if (markdown.length <= limit) return markdown;
  layout = { long: true, listPassing: false };
  markdown = render(layout);
  const perSection = new Map<string | null, number>();
  for (const item of failing) perSection.set(item.section, (perSection.get(item.section) ?? 0) + 1);
  let cap = Math.max(0, ...perSection.values());
  while (markdown.length > limit && cap > 0) {
    cap = Math.floor(cap / 2);
    markdown = render({ ...layout, cap });
  }
  return truncate(markdown, limit);
}

/** The progress, what is still needed, and the rest folded away. */
function checklistMarkdown(
  report: Report,
  failing: ReportItem[],
  options: MarkdownOptions,
  layout: Layout,
): string {
  const lines: string[] = [];
  lines.push(progressLine(report, options.policyUrl ?? null), '');
  const failingSections = report.sections.filter((section) => section.status === 'failing');
  const emergency = emergencyOf(report);
  if (emergency !== null) lines.push(...emergencyLines(emergency), '');
  if (failing.length > 0 || failingSections.length > 0) {
    const deferred = emergency?.state === 'accepted';
    lines.push(deferred ? '#### 🚨 Deferred by the emergency release' : '#### What is still needed', '');
    if (failing.some(isPlainUnticked))
      lines.push('Tick each box once its step is done; an item that needs more says so below.', '');
    if (layout.long && failing.length > 0) lines.push(sectionOverview(failing), '');
    lines.push(
      ...(layout.long
        ? groupedBySection(failing, compactFailingItem, { count: 'open', cap: layout.cap })
        : groupedBySection(failing, failingItem)),
    );
    lines.push(...failingSections.flatMap(failingSection));
  }
  const exceptions = (report.exceptions ?? []).filter(
    (exception): exception is NotApplicableException => exception.kind === 'not-applicable',
  );
  if (exceptions.length > 0)
    lines.push('', `#### ➖ Not applicable (${exceptions.length})`, '', ...exceptions.map(exceptionLine));
  const done = report.items.filter((item) => item.status === 'ok');
  if (done.length > 0) lines.push(...collapsed(`✅ ${done.length} done`, passingList(done, 'done', layout)));
  const other = report.items.filter(
    (item) => !item.required && item.status !== 'ok' && !FAILING_STATUSES.has(item.status),
  );
  if (other.length > 0)
    lines.push(
      ...collapsed(
        `➖ ${other.length} optional or not required`,
        passingList(other, 'optional or not required', layout),
      ),
    );
  if (report.notes.length > 0) lines.push('', ...report.notes.map((note) => `> ${safeMessage(note)}`));
  if (options.runUrl) lines.push('', `<sub>[Workflow run](${linkTarget(options.runUrl)})</sub>`);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

/** Passing items, folded: each on its line, or only how many in each section where the list would not fit. */
function passingList(items: ReportItem[], word: string, layout: Layout): string[] {
  if (!layout.listPassing) return sectionCounts(items, word);
  return groupedBySection(items, layout.long ? compactPassingItem : passingItem);
}

/** A URL the gate built itself, as a Markdown link target: no character that could end it early. */
function linkTarget(url: string): string {
  return encodeURI(decodeURI(url)).replace(/[()]/g, (char) => (char === '(' ? '%28' : '%29'));
}

function policyLink(path: string, url: string): string {
  return `policy [${safeInline(path, 200)}](${linkTarget(url)})`;
}

function progressLine(report: Report, policyUrl: string | null): string {
  const { required, done } = report.counts;
  const percent = required === 0 ? 100 : Math.floor((done / required) * 100);
  const filled = Math.round(percent / 10);
  const bar = '█'.repeat(filled) + '░'.repeat(10 - filled);
  const extras = [
    report.counts.notApplicable ? `${report.counts.notApplicable} not applicable` : null,
    report.counts.optional > 0 ? `${report.counts.optional} optional` : null,
    report.counts.notRequired > 0 ? `${report.counts.notRequired} not required here` : null,
    report.policy.path
      ? policyUrl
        ? policyLink(report.policy.path, policyUrl)
        : `policy \`${report.policy.path.replace(/`/g, "'")}\``
      : 'no policy file: every item required',
    organisationLine(report.policy),
  ].filter((part) => part !== null);
  return `**${done} of ${required} required done** \`${bar}\` ${percent}% · ${extras.join(' · ')}`;
}

/** Which organisation policy lies under the repository's (or alone judges it), so its rules are told apart. */
function organisationLine(policy: Report['policy']): string | null {
  if (policy.organisation === undefined) return null;
  const name = `\`${policy.organisation.replace(/`/g, "'")}\``;
  return policy.path === policy.organisation
    ? 'organisation policy (no policy file in this repository)'
    : `over organisation policy ${name}`;
}

/** An exception with its reason and who approved it, or who must. */
function exceptionLine(exception: NotApplicableException): string {
  const approval =
    exception.rule === 'with-reason'
      ? 'the reason is enough for this item'
      : exception.approvedBy !== null
        ? `approved by ${safeInline(`@${exception.approvedBy.login}`, 60)} (${exception.approvedBy.by === 'review' ? 'an approving review' : 'wrote or kept the N/A line'})`
        : exception.state === 'unchecked'
          ? 'approval not checked'
          : `⏳ needs approval from ${safeInline(approverNames(exception.approvers ?? []), 300)}`;
  const place = [
    exception.line !== null ? `line ${exception.line}` : null,
    exception.heading !== null ? `by its section “${safeInline(exception.heading, 100)}”` : null,
    exception.id !== null ? `\`${exception.id}\`` : null,
  ].filter((part) => part !== null);
  return `- **${safeInline(exception.text)}** — ${safeMessage(exception.reason)} <sub>${[approval, ...place].join(' · ')}</sub>`;
}

function approverNames(approvers: string[]): string {
  return approvers.map((approver) => `@${approver}`).join(', ') || 'no one the policy names';
}

const MAX_LISTED_CANDIDATES = 20;

function failingSection(section: SectionResult): string[] {
  const lines = [`- ❌ **Section “${safeInline(section.heading)}”** — ${safeMessage(section.problem ?? '')}`];
  if (section.fix) lines.push(`  - **Fix:** ${safeMessage(section.fix)}`);
  for (const item of section.unticked.slice(0, MAX_LISTED_CANDIDATES)) {
    lines.push(`  - ☐ ${safeInline(item.text)} <sub>line ${item.line}</sub>`);
  }
  const more = section.unticked.length - MAX_LISTED_CANDIDATES;
  if (more > 0) lines.push(`  - … and ${more} more`);
  return lines;
}

function collapsed(summary: string, body: string[]): string[] {
  return ['', `<details><summary>${summary}</summary>`, '', ...body, '', '</details>'];
}

function noChecklist(report: Report, template: string | null): string[] {
  const lines = [
    `The gate looked in ${safeInline(report.checklist.where)} and found no task items to check.`,
    '',
  ];
  const elsewhere = elsewhereWords(report);
  if (elsewhere !== null) lines.push(safeMessage(elsewhere), '');
  for (const hint of almostBoxWords(report)) lines.push(`- ${safeMessage(hint)}`);
  if (report.checklist.almostBoxes) lines.push('');
  if (template) {
    const fence = '`'.repeat(Math.max(3, longestRun(template, '`') + 1));
    lines.push(
      'Paste the release checklist into the description, tick each item as it is done, and this check runs again on every edit:',
      '',
      `${fence}markdown`,
      template,
      fence,
    );
  } else {
    lines.push(
      'Add the release checklist as task items (`- [ ] item`) to the description; this check runs again on every edit.',
    );
  }
  return lines;
}

/** The longest run of one character in a text, so that a fence around it can be longer. */
function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const each of text) {
    current = each === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/** Task items outside where the policy looks: how many, where they start, and what to do. */
export function elsewhereWords(report: Report): string | null {
  const elsewhere = report.checklist.elsewhere;
  if (!elsewhere) return null;
  const count = `${elsewhere.items} task item${elsewhere.items === 1 ? '' : 's'}`;
  return `The description has ${count} outside it, starting on line ${elsewhere.firstLine}. Move them into ${report.checklist.where}, or change checklist in the policy to where they are.`;
}

/** Almost-boxes listed when no checklist was found: the first few, then how many more. */
const LISTED_ALMOST_BOXES = 5;

export function almostBoxWords(report: Report): string[] {
  const boxes = report.checklist.almostBoxes ?? [];
  const more = boxes.length - LISTED_ALMOST_BOXES;
  return [
    ...boxes.slice(0, LISTED_ALMOST_BOXES).map((box) => box.fix),
    ...(more > 0 ? [`… and ${more} more lines like these.`] : []),
  ];
}
