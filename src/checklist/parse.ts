/** The parser's entry: a description in, the task items GitHub draws out, read in passes until its rewrites settle. */
import { gfmParser, withoutByteOrderMark } from './gfm-parser.js';
import { ChecklistReader } from './checklist-reader.js';
import { rewrittenText, sameRewrites, type Rewrite } from './empty-checks.js';
import { DescriptionLines } from './lines.js';
import { refuseDeepNesting } from './nesting-limit.js';
import { predictedRewrites } from './rewrite-guess.js';
import type { ChecklistDocument } from './task-item.js';
import { UnreadableDescriptionError } from './unreadable-description.js';

export { markdownToPlainText } from './markdown-to-plain-text.js';
export { UnreadableDescriptionError } from './unreadable-description.js';

/** Passes again after the first, when the rewrites a pass asks for are not those it was read with; a few settle in two or three. */
const MAX_REWRITE_PASSES = 4;

/** One pass: parses the description with `blanked` written over their checks, and reads it. */
function passOver(lines: DescriptionLines, blanked: ReadonlyMap<number, Rewrite>) {
  const tree = gfmParser().parse(withoutByteOrderMark(rewrittenText(lines.markdown, blanked)));
  const reader = new ChecklistReader(lines, new Set(), blanked);
  return { tree, reader, doc: reader.read(tree) };
}

/** Parses a description with GitHub's Markdown dialect and returns the checkboxes GitHub would draw. */
export function parseChecklist(markdown: string): ChecklistDocument {
  refuseDeepNesting(markdown);
  try {
    // Items whose line holds only the check are read from rewritten text (see empty-checks.ts).
    // The rewrites are guessed from the lines first (rewrite-guess.ts); a pass says which it needs in its
    // structure, and each rewrite can change what the next line continues: pass again until the
    // rewrites the pass asks for are the ones it was read with. The rewrites that settle are
    // the same whatever the guess, as each depends only on the lines before it.
    const lines = new DescriptionLines(markdown);
    let pass = passOver(lines, predictedRewrites(markdown, lines.starts));
    for (
      let again = 0;
      again < MAX_REWRITE_PASSES && !sameRewrites(pass.reader.emptyChecks, pass.reader.blanked);
      again++
    )
      pass = passOver(lines, pass.reader.emptyChecks);
    const { tree, reader, doc } = pass;
    // Boxes borrowed from a later line are known only after a full walk: the same tree, walked again.
    if (reader.borrowedBoxes.size > 0)
      return new ChecklistReader(lines, reader.borrowedBoxes, reader.blanked).read(tree);
    return doc;
  } catch (error) {
    if (error instanceof RangeError) {
      throw new UnreadableDescriptionError(
        `the description nests blocks too deeply to read (${error.message})`,
      );
    }
    throw error;
  }
}
