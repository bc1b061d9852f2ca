/** The daily sweep's cron line `init` writes, spread by a hash of the repository's name. */
import { createHash } from 'node:crypto';

/**
 * The daily sweep's cron line for a repository: a minute and an hour taken from a hash of its
 * `owner/name`, so that many repositories do not all call the API in the same minute, and one
 * repository always gets the same schedule. Names are compared as GitHub does, without case.
 */
export function sweepCron(repository: string): string {
  const digest = createHash('sha256').update(repository.toLowerCase(), 'utf8').digest();
  const slot = digest.readUInt32BE(0) % (24 * 60);
  return `${slot % 60} ${Math.floor(slot / 60)} * * *`;
}

/**
 * `owner/name` from a git remote's address: https://host/owner/name(.git), git@host:owner/name.git,
 * ssh://git@host/owner/name.git, or a path ending in owner/name. Null when it holds no two names.
 */
export function repositoryFromRemote(url: string): string | null {
  const path = url
    .trim()
    .replace(/\.git\/?$/, '')
    .replace(/\/+$/, '')
    .replace(/^[^/]*@[^:/]+:/, '');
  const parts = path.split(/[/:]/).filter((part) => part !== '');
  const name = parts.at(-1);
  const owner = parts.at(-2);
  return owner && name ? `${owner}/${name}` : null;
}
