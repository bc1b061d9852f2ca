/** commonmark set to read a description as GitHub does (cmark-gfm 0.29). */
import { Parser, type Node } from 'commonmark';
import { defineAfterChecks } from './definition-after-check.js';
import { continueRawTextBlock, htmlBlockStart, RAW_TEXT_BLOCK, type HtmlBlock } from './html-block-start.js';
import { parseInlineHtml } from './inline-html.js';
import { parseInlines } from './inline-trim.js';
import { unclosableOpeners, type Openers } from './unclosable-openers.js';

/**
 * commonmark (CommonMark 0.31) set to read raw HTML as cmark-gfm does (0.29): its HTML block start
 * and raw inline HTML are replaced on the parser object by cmark-gfm's rules (html-block-start.ts,
 * inline-html.ts), and link reference definitions right after a check define their labels
 * (definition-after-check.ts), and a block's text is trimmed of ASCII white space only
 * (inline-trim.ts), and openers nothing can close are read as one run of text
 * (unclosable-openers.ts). These are fields of the object commonmark 0.31.2 builds (lib/blocks.js,
 * lib/inlines.js), pinned in package.json; gfm-parser.test.ts fails if they move.
 */

type BlockStart = (parser: never, container: never) => number;
interface BlockRule {
  continue(parser: { currentLine: string }, container: HtmlBlock): number;
  finalize(parser: unknown, block: Node): void;
}
interface ParserInternals {
  blockStarts: BlockStart[];
  blocks: Record<string, BlockRule>;
  inlineParser: { parseHtmlTag: unknown; parse: unknown } & Openers;
}

/** commonmark's block starts in order: quote, ATX heading, fence, HTML block, setext heading, break, item, code. */
const HTML_BLOCK_START = 3;

let rules: {
  blockStarts: BlockStart[];
  blocks: Record<string, BlockRule>;
  openers: Openers;
} | null = null;

function gfmRules(parser: ParserInternals) {
  if (rules !== null) return rules;
  const blockStarts = [...parser.blockStarts];
  blockStarts[HTML_BLOCK_START] = htmlBlockStart as BlockStart;
  const htmlBlock = parser.blocks.html_block;
  const document = parser.blocks.document;
  if (htmlBlock === undefined || document === undefined || parser.blockStarts.length !== 8)
    throw new Error('commonmark is not the version checklist-gate reads raw HTML with');
  const blocks = {
    ...parser.blocks,
    // Link reference definitions right after a check define their labels, as in cmark-gfm.
    document: {
      ...document,
      finalize: (blockParser: unknown, block: Node) => {
        defineAfterChecks(blockParser as Parameters<typeof defineAfterChecks>[0], block);
        document.finalize(blockParser, block);
      },
    },
    html_block: {
      ...htmlBlock,
      continue: (blockParser: { currentLine: string }, container: HtmlBlock) =>
        container._htmlBlockType === RAW_TEXT_BLOCK
          ? continueRawTextBlock(blockParser, container)
          : htmlBlock.continue(blockParser, container),
    },
  };
  rules = { blockStarts, blocks, openers: unclosableOpeners(parser.inlineParser) };
  return rules;
}

/** A commonmark parser that reads raw HTML as cmark-gfm does. */
export function gfmParser(): Parser {
  const parser = new Parser();
  const internals = parser as unknown as ParserInternals;
  const { blockStarts, blocks, openers } = gfmRules(internals);
  internals.blockStarts = blockStarts;
  internals.blocks = blocks;
  internals.inlineParser.parseHtmlTag = parseInlineHtml;
  internals.inlineParser.parse = parseInlines;
  Object.assign(internals.inlineParser, openers);
  return parser;
}

/**
 * cmark-gfm steps over a byte-order mark at the start of the description before it reads blocks,
 * but not before it reads a check: the first line, if an item, has no box (its own line does not
 * start with a list marker, see task-marker.ts). The parser is given the text without the mark, so
 * that "\uFEFF<!--" opens a comment as on GitHub; columns on the first line are one less.
 */
export function withoutByteOrderMark(markdown: string): string {
  return markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
}
