/** Small comparisons the locks between policy layers are made of. */
import { isDeepStrictEqual } from 'node:util';
import picomatch from 'picomatch';
import type { RawPolicy } from './load-policy.js';
import type { Requirement } from './policy.js';

/**
 * The base's globs that a local gate.branches no longer covers. A glob is covered when the local
 * list has it as written; a plain branch name (no glob characters) also when a local glob matches
 * it. Whether one glob covers another is not guessed at.
 */
export function droppedBranches(base: string[], local: string[]): string[] {
  const matchesLocal = picomatch(local);
  return base.filter((glob) => !local.includes(glob) && (picomatch.scan(glob).isGlob || !matchesLocal(glob)));
}

export function tightenFlag(
  base: boolean,
  local: boolean | undefined,
): { value: boolean; weakened: boolean } {
  return { value: base || local === true, weakened: base && local === false };
}

export const UNLISTED_RANK: Record<NonNullable<RawPolicy['unlisted']>, number> = {
  ignored: 0,
  optional: 1,
  required: 2,
};

/** How much a section's require asks: none < any (one tick) < N ticks < all. */
export function requireRank(require: Requirement): number {
  if (require === 'none') return 0;
  if (require === 'any') return 1;
  if (require === 'all') return Number.POSITIVE_INFINITY;
  return require;
}

export function valueAt(raw: unknown, path: (string | number)[]): unknown {
  let value = raw;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}

/** A glob list as written, or none: the schema's tuple type read as a plain list. */
export function globsOf(list: readonly string[] | undefined): readonly string[] {
  return list ?? [];
}
