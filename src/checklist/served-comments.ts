import type { Node } from 'commonmark';

const OPEN = '<!--';
const CLOSE = '-->';

/**
 * Nodes GitHub does not show because a raw "<!--" left open comments them out. An HTML block
 * holding "<!--" without "-->" ends at a blank line in Markdown, but in the HTML GitHub serves the
 * comment runs on to the next "-->" in later raw HTML (HTML blocks and inline HTML; text is escaped
 * and cannot close it), or to the end of the description. Walked in document order.
 */
export function hiddenByComments(tree: Node, markdown: string): Set<Node> {
  const hidden = new Set<Node>();
  // Without an opener nothing is hidden: most descriptions skip the walk.
  if (!markdown.includes(OPEN)) return hidden;
  let inside = false;
  const walker = tree.walker();
  for (let event = walker.next(); event !== null; event = walker.next()) {
    const { node, entering } = event;
    if (!entering) continue;
    if (inside) hidden.add(node);
    if (node.type !== 'html_block' && node.type !== 'html_inline') continue;
    const literal = node.literal ?? '';
    let at = 0;
    for (;;) {
      if (inside) {
        const close = literal.indexOf(CLOSE, at);
        if (close < 0) break;
        inside = false;
        at = close + CLOSE.length;
      } else {
        const open = literal.indexOf(OPEN, at);
        if (open < 0) break;
        inside = true;
        at = open + OPEN.length;
      }
    }
  }
  return hidden;
}
