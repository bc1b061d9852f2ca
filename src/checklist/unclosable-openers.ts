/** Openers nothing after them can close, read as the text they stay: one text node for a run of them. */
import { Node } from 'commonmark';

/** The parts of commonmark's inline parser these openers are read with (commonmark 0.31.2, lib/inlines.js). */
export interface OpenerParser {
  subject: string;
  pos: number;
  options: { smart?: boolean };
  /** Added here: where the block's text last has "]" and ">" (-1: nowhere). */
  lastCloser?: { bracket: number; angle: number };
}
type Read = (this: OpenerParser, block: Node) => boolean;
/** commonmark's readers of "[", "!" and "<" (autolinks; raw HTML is read after them). */
export interface Openers {
  parseOpenBracket: Read;
  parseBang: Read;
  parseAutolink: Read;
}

/**
 * Notes where the block's text last closes a bracket and an angle: called once a block, when its
 * text becomes the parser's subject (inline-trim.ts).
 */
export function noteLastClosers(parser: OpenerParser): void {
  parser.lastCloser = { bracket: parser.subject.lastIndexOf(']'), angle: parser.subject.lastIndexOf('>') };
}

/**
 * Characters that stay text wherever they are, as commonmark's own runs of text (its `reMain`),
 * with quotes (text too, as this parser never reads quotes as smart punctuation). Past the last
 * "]" a "[" or "!" is text as well, and past the last ">" a "<": each pattern is one of these,
 * sticky so that it matches from the parser's position only.
 */
const RUN = {
  brackets: /[^\n`\]\\<&*_]+/y,
  angles: /[^\n`[\]\\!&*_]+/y,
  both: /[^\n`\]\\&*_]+/y,
};

/**
 * The pattern of text from the parser's position on, where the opener there (`kind`) is one that
 * nothing after it can close; null where something can, or where quotes could be punctuation.
 */
function literalRun(parser: OpenerParser, kind: 'bracket' | 'angle'): RegExp | null {
  const closer = parser.lastCloser;
  if (closer === undefined || parser.options.smart === true) return null;
  const bracketsText = parser.pos > closer.bracket;
  const anglesText = parser.pos > closer.angle;
  if (!(kind === 'bracket' ? bracketsText : anglesText)) return null;
  if (bracketsText && anglesText) return RUN.both;
  return bracketsText ? RUN.brackets : RUN.angles;
}

/**
 * Adds the text from the parser's position on as far as it is text for certain: one node where
 * commonmark would add one for each opener (a run of 65,536 "[" was 65,536 nodes and as many
 * entries on the bracket stack, all kept alive to the end of the block, and copied by V8's
 * collector; see bench/RESULTS.md). False, and nothing added, if the run is empty.
 */
function addLiteralRun(parser: OpenerParser, block: Node, pattern: RegExp): boolean {
  pattern.lastIndex = parser.pos;
  const run = pattern.exec(parser.subject)?.[0] ?? '';
  if (run === '') return false;
  const node = new Node('text');
  node.literal = run;
  block.appendChild(node);
  parser.pos += run.length;
  return true;
}

/**
 * Replacements for commonmark's readers of "[", "!" and "<" (the last tried first at "<", before
 * raw HTML). Past the block's last "]", "[" and "![" open nothing a later "]" closes, so they
 * are text and their entries on the bracket stack would never be read; past its last ">", "<"
 * starts no autolink and no raw HTML, both of which end in ">". Elsewhere commonmark reads them.
 * The same text, in fewer steps and nodes (the parser joins adjacent text, see joined-text.ts);
 * gfm-parser.test.ts holds the page rendered from either to be the same.
 */
export function unclosableOpeners(commonmark: Openers): Openers {
  const { parseOpenBracket, parseBang, parseAutolink } = commonmark;
  if ([parseOpenBracket, parseBang, parseAutolink].some((read) => typeof read !== 'function'))
    throw new Error('commonmark is not the version checklist-gate reads brackets with');
  const past = (read: Read, kind: 'bracket' | 'angle'): Read =>
    function (this: OpenerParser, block: Node) {
      const run = literalRun(this, kind);
      return (run !== null && addLiteralRun(this, block, run)) || read.call(this, block);
    };
  return {
    parseOpenBracket: past(parseOpenBracket, 'bracket'),
    parseBang: past(parseBang, 'bracket'),
    parseAutolink: past(parseAutolink, 'angle'),
  };
}
