/** One checkbox exactly as GitHub draws it in a description. */
export interface TaskItem {
  /** Position among the task items of the whole description, from 0. */
  index: number;
  /** Plain text of the item's first paragraph: markup stripped, white space collapsed. */
  text: string;
  /** The text without its links and the separators before them: "All tests passing" for "All tests passing: https://…". */
  textWithoutLinks: string;
  /**
   * The text before its trailing links without the word that introduces them, when links end it:
   * "Load test passed" for "Load test passed, see https://…"; otherwise the same as textWithoutLinks.
   */
  textBeforeEvidence?: string;
  checked: boolean;
  /** Whether GitHub draws every word of the text struck through ("~~Load balancer configured~~"). */
  struck?: boolean;
  /** 1-based line of the item's list marker. */
  line: number;
  /** Nesting depth: 0 for an item of a top-level list, 1 inside another list item, and so on. */
  depth: number;
  /** Index of the nearest enclosing task item, or null. */
  parent: number | null;
  /** The nearest heading above the item, as plain text. */
  section: string | null;
  /** Every heading the item is under, outermost first: one array for the items under the same headings. */
  headings: readonly string[];
  /** URLs on the item's own content, in order, without repeats. */
  links: string[];
  /** The id from an `<!-- id: ... -->` marker on the item, if any. */
  id: string | null;
  /** Character offset of the list marker, for locating the item inside a block. */
  offset: number;
}

export interface Heading {
  text: string;
  depth: number;
  line: number;
  offset: number;
}

/** A place where a block marker can stand: an HTML node (holding it), or a paragraph (being it, code spans aside). */
export interface MarkerCandidate {
  kind: 'html' | 'paragraph';
  value: string;
  start: number;
  end: number;
}

export interface ChecklistDocument {
  items: TaskItem[];
  headings: Heading[];
  markerCandidates: MarkerCandidate[];
  length: number;
}
