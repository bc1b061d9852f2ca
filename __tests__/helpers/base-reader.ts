import type { BaseReference } from '../../src/policy/base-reference.js';
import type { BaseAnswer } from '../../src/policy/resolve-policy.js';

/** A reader of base policies over fixed texts by label (a number is an HTTP status); records what it was asked for. */
export function reader(texts: Record<string, string | number>) {
  const asked: string[] = [];
  const readBase = async (base: BaseReference): Promise<BaseAnswer> => {
    const label = `${base.owner}/${base.repo}/${base.path}${base.ref === null ? '' : `@${base.ref}`}`;
    asked.push(label);
    const text = texts[label];
    if (text === undefined) return { ok: false, status: 404 };
    return typeof text === 'number' ? { ok: false, status: text } : { ok: true, text };
  };
  return { asked, readBase };
}

/** The permission sentence a test gives the resolver for a base it cannot read. */
export const ACCESS = (base: BaseReference) => `Give the token contents: read on ${base.owner}/${base.repo}.`;
