import type { Node } from 'commonmark';

/**
 * Visits the tree's nodes in the order of commonmark's walker (a container when entered and when
 * left, any other node once, entering), without the event object the walker allocates for each
 * step: on a description of 65,536 characters of brackets those are about four megabytes, which
 * the collector pays for while the tree is alive. As in the walker, the next step is taken before
 * the node is visited. The walk ends early where `visit` answers false, and passes over a container's
 * children where it answers 'skip' on entering it (the walker's `resumeAt(node, false)`).
 */
export function walkTree(
  root: Node,
  visit: (node: Node, entering: boolean) => boolean | 'skip' | void,
): void {
  let node: Node | null = root;
  let entering = true;
  while (node !== null) {
    const current: Node = node;
    const enters = entering;
    if (enters && current.isContainer && current.firstChild !== null) node = current.firstChild;
    else if (enters && current.isContainer) entering = false;
    else if (current === root) node = null;
    else if (current.next !== null) {
      node = current.next;
      entering = true;
    } else {
      node = current.parent;
      entering = false;
    }
    const answer = visit(current, enters);
    if (answer === false) return;
    if (answer === 'skip' && enters && current.isContainer) {
      node = current;
      entering = false;
    }
  }
}
