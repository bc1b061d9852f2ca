/** Globs of a policy's lists, compiled once (picomatch). */
import picomatch from 'picomatch';

/** Compiled globs by policy list: one evaluation checks many items against the same list. */
const compiled = new WeakMap<readonly string[], Map<boolean, (candidate: string) => boolean>>();

/** A matcher for a policy's glob list, compiled once; `dot` lets `*` match names starting with ".". */
export function globMatcher(patterns: string[], dot: boolean): (candidate: string) => boolean {
  let byDot = compiled.get(patterns);
  if (byDot === undefined) {
    byDot = new Map();
    compiled.set(patterns, byDot);
  }
  let matcher = byDot.get(dot);
  if (matcher === undefined) {
    matcher = picomatch(patterns, { dot });
    byDot.set(dot, matcher);
  }
  return matcher;
}
