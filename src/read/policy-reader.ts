/** The policy file at a branch, each branch read once per run, with its bases. */
import type { GitHubClient } from '../github/client.js';
import { readFileAtRef } from '../github/policy-file.js';
import type { Repository } from '../github/repository.js';

/**
 * The policy file's text at a branch; each branch is read once per run, however many pull
 * requests target it. `afresh` gives a reader that reads every branch again, for a pull request
 * evaluated again because its facts (the policy among them) moved while it was evaluated.
 */
export type PolicyReader = ((ref: string) => Promise<string | null>) & { afresh?: () => PolicyReader };

export function policyReader(client: GitHubClient, repository: Repository, path: string): PolicyReader {
  const texts = new Map<string, Promise<string | null>>();
  const read = (ref: string) => {
    let text = texts.get(ref);
    if (!text) {
      text = readFileAtRef(client, repository, path, ref);
      texts.set(ref, text);
    }
    return text;
  };
  return Object.assign(read, { afresh: () => policyReader(client, repository, path) });
}
