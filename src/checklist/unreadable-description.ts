/** A description the parser refuses to read, saying why: nesting that deep is no checklist, or what GitHub shows cannot be told. */
export class UnreadableDescriptionError extends Error {}
