/** The comment's items by section, for a long checklist. */
import type { ReportItem } from '../evaluate/report.js';
import { safeInline } from './safe-text.js';

// Items grouped under the headings they sit under in the description, as the comment lists them.

const NO_HEADING = '(no heading)';

/** The items by section, in the order their sections first appear. */
function bySection(items: ReportItem[]): Map<string, ReportItem[]> {
  const groups = new Map<string, ReportItem[]>();
  for (const item of items) {
    const key = item.section ?? '';
    // Appended in place: copying the group for each item costs its size squared.
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

const sectionName = (section: string) => (section === '' ? NO_HEADING : safeInline(section));

export interface GroupOptions {
  /** Whether each section's heading says how many of its items are listed ("· 14 open"). */
  count?: string;
  /** At most this many items listed per section; the rest are counted with their lines. */
  cap?: number;
}

/** The items under a bold line for each section (none when all sit under no heading). */
export function groupedBySection(
  items: ReportItem[],
  render: (item: ReportItem) => string[],
  options: GroupOptions = {},
): string[] {
  const groups = bySection(items);
  const lines: string[] = [];
  for (const [section, members] of groups) {
    if (groups.size > 1 || section !== '') {
      const count = options.count ? ` · ${members.length} ${options.count}` : '';
      lines.push('', `**${sectionName(section)}**${count}`, '');
    }
    const cap = options.cap ?? members.length;
    for (const item of members.slice(0, cap)) lines.push(...render(item));
    const rest = members.slice(cap);
    if (rest.length > 0) lines.push(`- … and ${rest.length} more${linesOf(rest)}`);
  }
  return lines;
}

/** Where items left out of a list are: "on lines 40–52", or nothing when none is in the description. */
function linesOf(items: ReportItem[]): string {
  const lines = items.map((item) => item.line).filter((line) => line !== null);
  if (lines.length === 0) return '';
  const first = Math.min(...lines);
  const last = Math.max(...lines);
  return first === last ? ` on line ${first}` : ` on lines ${first}–${last}`;
}

/**
 * One line naming every section with something open and how many, so that the whole of what is
 * missing in a long checklist shows before its first item.
 */
export function sectionOverview(items: ReportItem[]): string {
  const groups = bySection(items);
  const parts = [...groups].map(([section, members]) => `${sectionName(section)} ${members.length}`);
  const sections = groups.size === 1 ? 'one section' : `${groups.size} sections`;
  return `**${items.length} open in ${sections}:** ${parts.join(' · ')}`;
}

/** Each section with how many of the items are in it, one line each: the items themselves left out. */
export function sectionCounts(items: ReportItem[], word: string): string[] {
  return [...bySection(items)].map(
    ([section, members]) => `- ${sectionName(section)}: ${members.length} ${word}`,
  );
}
