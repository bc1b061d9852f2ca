/** `extends` and `org-policy` references, read and written. */
import { DEFAULT_POLICY_PATH } from './policy-path.js';

/** Where a base policy is: a file in a repository at a ref, as `extends` names it. */
export interface BaseReference {
  owner: string;
  repo: string;
  path: string;
  /** null: that repository's default branch. */
  ref: string | null;
}

const FORM = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)\/([^@\s]+?)(?:@([^@\s]+))?$/;

/**
 * Reads `OWNER/REPO/PATH@REF`. Returns a message instead when the text is not of that form, or when
 * the path leaves the repository's tree ("..", a leading "/"), which the contents API would not read as written.
 */
export function parseBaseReference(text: string): BaseReference | { problem: string; kind: 'form' | 'path' } {
  const match = FORM.exec(text);
  if (!match) {
    return {
      kind: 'form',
      problem:
        'must be OWNER/REPO/PATH or OWNER/REPO/PATH@REF, such as acme/release-policies/checklists/production.yml@v3',
    };
  }
  const [, owner = '', repo = '', path = '', ref] = match;
  if (
    repo === '.' ||
    repo === '..' ||
    path.split('/').some((part) => part === '' || part === '.' || part === '..')
  ) {
    return {
      kind: 'path',
      problem: `names the path "${path}", which must be a plain path inside ${owner}/${repo} (no "", "." or ".." parts)`,
    };
  }
  return { owner, repo, path, ref: ref ?? null };
}

/** How a base is named in messages and reports: the reference as written, which is also where it is. */
export function baseLabel(base: BaseReference): string {
  return `${base.owner}/${base.repo}/${base.path}${base.ref === null ? '' : `@${base.ref}`}`;
}

/** Two references name the same file when they agree up to the case of owner and repository. */
export function sameBase(a: BaseReference, b: BaseReference): boolean {
  return (
    a.owner.toLowerCase() === b.owner.toLowerCase() &&
    a.repo.toLowerCase() === b.repo.toLowerCase() &&
    a.path === b.path &&
    a.ref === b.ref
  );
}

/**
 * Where an organisation keeps its policy by the convention GitHub Apps follow for organisation-wide
 * settings: `.github/checklist-gate.yml` in the organisation's `.github` repository, default branch.
 */
export function organisationPolicyAt(organisation: string): BaseReference {
  return { owner: organisation, repo: '.github', path: DEFAULT_POLICY_PATH, ref: null };
}
