import { Parser, type Node } from 'commonmark';
import { walkTree } from '../src/checklist/tree-walk.js';

// The parser walks commonmark's tree without the walker's event objects: it must visit exactly
// what the walker visits, in the same order, and pass over what the walker's resumeAt passes over.

const SOURCE =
  '# Release\n\n- [x] a *b* [c](https://x.org)\n  > quoted\n\n  ```\n  code\n  ```\n- [ ]\n\n<div>\n\nhtml\n</div>\n';
const tree = new Parser().parse(SOURCE);
const name = (node: Node, entering: boolean) => `${entering ? '>' : '<'}${node.type}`;

function walkerSteps(root: Node, skip: (node: Node) => boolean = () => false): string[] {
  const steps: string[] = [];
  const walker = root.walker();
  for (let event = walker.next(); event !== null; event = walker.next()) {
    steps.push(name(event.node, event.entering));
    if (event.entering && skip(event.node)) walker.resumeAt(event.node, false);
  }
  return steps;
}

describe('walkTree', () => {
  it("visits the nodes as commonmark's walker does, containers entered and left", () => {
    const steps: string[] = [];
    walkTree(tree, (node, entering) => void steps.push(name(node, entering)));
    expect(steps).toEqual(walkerSteps(tree));
    expect(steps).toContain('<block_quote');
  });

  it('walks a subtree alone, from its root to its root', () => {
    const item = tree.firstChild?.next?.firstChild as Node;
    const steps: string[] = [];
    walkTree(item, (node, entering) => void steps.push(name(node, entering)));
    expect(steps).toEqual(walkerSteps(item));
    expect([steps[0], steps.at(-1)]).toEqual(['>item', '<item']);
  });

  it("passes over a container's children where the visit answers 'skip', as resumeAt does", () => {
    const skip = (node: Node) => node.type === 'block_quote' || node.type === 'emph';
    const steps: string[] = [];
    walkTree(tree, (node, entering) => {
      steps.push(name(node, entering));
      return entering && skip(node) ? 'skip' : undefined;
    });
    expect(steps).toEqual(walkerSteps(tree, skip));
    expect(steps.indexOf('<block_quote') - steps.indexOf('>block_quote')).toBe(1);
  });

  it('stops where the visit answers false', () => {
    const steps: string[] = [];
    walkTree(tree, (node, entering) => {
      steps.push(name(node, entering));
      return node.type !== 'link';
    });
    expect(steps.at(-1)).toBe('>link');
  });
});
