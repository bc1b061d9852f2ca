/** "N/A: reason" read from an item or a heading. */
import { headingKey, trimTrailingSeparators } from '../checklist/plain-text.js';

/** An item or heading its author marked not applicable: its own text, and the reason given. */
export interface NotApplicableForm {
  /** The text before the form, as rules match it: "Load balancer configured". */
  text: string;
  reason: string;
}

/**
 * The forms an author writes after an item's text or a heading: "N/A:" or "Not applicable:", in
 * any case, after a space or a separator ("— N/A: …", "(N/A: …)"), never glued to a word.
 */
const FORM = /(^|[\s([{—–\-:;,|])(n\/a|not applicable)\s*:/i;

/** Words that stand in for a reason without giving one. */
const PLACEHOLDERS = new Set(['n/a', 'na', 'tbd', 'tbc', 'todo', 'none', 'nothing', 'x']);

/** The not-applicable form at the end of a text, or null when it carries none. */
export function readNotApplicable(text: string): NotApplicableForm | null {
  const found = FORM.exec(text);
  if (found === null) return null;
  const start = found.index + (found[1] ?? '').length;
  const before = trimTrailingSeparators(text.slice(0, start));
  // The form alone is no item: there must be text for a rule to match.
  if (before === '') return null;
  let reason = text.slice(found.index + found[0].length).trim();
  // "(N/A: reason)": the closing parenthesis is not part of the reason.
  if (found[1] === '(' && reason.endsWith(')')) reason = reason.slice(0, -1).trim();
  return { text: before, reason };
}

/** A heading as section rules name it: "Database — N/A: no database" is the section "Database". */
export function sectionKey(heading: string): string {
  return headingKey(readNotApplicable(heading)?.text ?? heading);
}

/** What is wrong with a reason, or null when it says something: empty, a placeholder, or one word. */
export function reasonProblem(reason: string): string | null {
  const words = reason.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0)
    return reason === '' ? 'the reason after "N/A:" is empty' : `the reason "${reason}" is a placeholder`;
  const bare = reason.toLowerCase().replace(/[.!?…]+$/, '');
  if (PLACEHOLDERS.has(bare)) return `the reason "${reason}" is a placeholder`;
  if (words.length === 1) return `the reason "${reason}" is one word`;
  return null;
}

export const REASON_FIX =
  'Write after "N/A:" why the item does not apply to this release, in a few words (for example "N/A: single instance, no load balancer").';
