/** The types the layering of policy files passes around. */
import type { Place, PolicyFile, RawPolicy } from './load-policy.js';

/** The parts of a policy file as written, and what the layering of policy files passes around. */
export type RawItem = NonNullable<RawPolicy['items']>[number];
export type RawSection = NonNullable<RawPolicy['sections']>[number];
export type RawEvidence = NonNullable<RawItem['evidence']>;
/** A path to a node of a policy file, as its place is looked up. */
export type Path = (string | number)[];
/** Records that the local file weakens a base rule, at its own path and the base's place. */
export type Refuse = (localPath: Path, basePlace: Place | undefined, message: string) => void;

/** One local file being laid over its base: what each part of the layering reads and adds to. */
export interface LayerContext {
  base: LayeredPolicy;
  local: PolicyFile;
  /** Where binding values were written, the base's and then the local file's. */
  places: Map<string, Place>;
  refuse: Refuse;
}

/**
 * A policy with its bases folded in: the merged file as if written in one, and where each binding
 * value was written, so that a later layer that tries to weaken it is told where the lock is.
 */
export interface LayeredPolicy {
  /** The file of the top layer: the one a policy that extends this layer names. */
  file: string;
  raw: RawPolicy;
  /** Files that shaped each item's rule, the one that first wrote it first; parallel to raw.items. */
  itemFrom: string[][];
  itemLines: (number | null)[];
  sectionLines: (number | null)[];
  /** Where binding values were written, by keys such as "unlisted" or "item:rollback:required". */
  places: Map<string, Place>;
  /**
   * Whether the repository's default branch stays gated whatever raw.gate.branches lists: a base
   * that gates it (by leaving gate.branches unset) keeps it gated under a local list.
   */
  gatesDefault: boolean;
}
