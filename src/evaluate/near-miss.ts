/** Near misses: a task item whose text almost matches a missing one. */
import { distance } from 'fastest-levenshtein';
import { markdownToPlainText } from '../checklist/parse.js';
import { matchKey } from '../checklist/plain-text.js';
import type { TaskItem } from '../checklist/task-item.js';
import type { ItemRule } from '../policy/policy.js';
import type { ItemIndex } from './item-index.js';
import type { ReportItem } from './report.js';

/** Most characters a near miss may differ by; fewer for short texts (one for every six characters). */
const MAX_CHARACTERS = 3;
/** Longest word a near miss may add or drop, in characters. */
const MAX_WORD_LENGTH = 20;
/** Fewest words a policy text needs for a near miss to differ from it by a whole word. */
const MIN_WORDS = 3;
/** Comparisons made for one report at most, so that a large description and policy stay cheap. */
const MAX_COMPARISONS = 2_000;

/** Words as single characters, so that the distance between two texts can be counted in words. */
function wordsAsCharacters(words: string[], codes: Map<string, string>): string {
  return words
    .map((word) => {
      let code = codes.get(word);
      if (code === undefined) {
        code = String.fromCodePoint(0xe000 + codes.size);
        codes.set(word, code);
      }
      return code;
    })
    .join('');
}

/**
 * Whether `candidate` is a near miss of `wanted` (both match keys): one word added, dropped or
 * replaced, or a few characters apart. Equal texts are matches, not near misses.
 */
export function isNearMiss(wanted: string, candidate: string): boolean {
  if (wanted === candidate || wanted === '' || candidate === '') return false;
  const allowed = Math.min(MAX_CHARACTERS, Math.floor(wanted.length / 6));
  if (Math.abs(wanted.length - candidate.length) <= allowed && distance(wanted, candidate) <= allowed)
    return true;
  const wantedWords = wanted.split(' ');
  const candidateWords = candidate.split(' ');
  if (wantedWords.length < MIN_WORDS || Math.abs(wantedWords.length - candidateWords.length) > 1)
    return false;
  const codes = new Map<string, string>();
  return distance(wordsAsCharacters(wantedWords, codes), wordsAsCharacters(candidateWords, codes)) <= 1;
}

export interface NearMiss {
  text: string;
  line: number;
}

/**
 * The unmatched task item closest to a missing policy text, when it is a near miss; the first in
 * the description on a tie. A near miss is only ever a hint: it never counts as a match.
 */
export class NearMissFinder {
  private comparisons = 0;
  private readonly keys: { item: TaskItem; key: string }[];

  /** `index`: the block's items with their match keys, computed once (see ItemIndex.beforeEvidenceKeys). */
  constructor(unmatched: TaskItem[], index: ItemIndex) {
    this.keys = unmatched.map((item) => ({
      item,
      key:
        index.beforeEvidenceKeys.get(item.index) ??
        matchKey(item.textBeforeEvidence ?? item.textWithoutLinks),
    }));
  }

  find(text: string): NearMiss | null {
    const wanted = matchKey(text);
    let best: { item: TaskItem; score: number } | null = null;
    for (const { item, key } of this.keys) {
      if (this.comparisons++ >= MAX_COMPARISONS) break;
      // A text longer or shorter by more than a long word is no near miss: skip the distances.
      if (Math.abs(wanted.length - key.length) > MAX_WORD_LENGTH || !isNearMiss(wanted, key)) continue;
      const score = distance(wanted, key);
      if (best === null || score < best.score) best = { item, score };
    }
    return best === null ? null : { text: best.item.textWithoutLinks, line: best.item.line };
  }
}

/** Points each missing item's fix at its near miss, if it has one: "Did you mean line 12, …?" */
export function nearMissFix(
  missing: [ItemRule, ReportItem][],
  unmatched: TaskItem[],
  index: ItemIndex,
): void {
  if (unmatched.length === 0) return;
  const finder = new NearMissFinder(unmatched, index);
  for (const [rule, entry] of missing) {
    if (rule.text === null) continue;
    const near = finder.find(markdownToPlainText(rule.text));
    if (near === null) continue;
    const marker = rule.id !== null ? ` or add \`<!-- id: ${rule.id} -->\` to that item` : ' for that item';
    entry.fix = `Did you mean line ${near.line}, "${near.text}"? Use the policy's wording${marker}.`;
  }
}
