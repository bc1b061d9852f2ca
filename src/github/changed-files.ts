/** A pull request's changed files. */
import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';

/** GitHub lists at most this many files of a pull request. */
export const CHANGED_FILES_CAP = 3000;

/** Paths the pull request changes (renamed files under both names), and whether GitHub's list was cut short. */
export async function listChangedFiles(
  client: GitHubClient,
  repository: Repository,
  number: number,
): Promise<{ paths: string[]; capped: boolean }> {
  const files = await client.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
    ...repository,
    pull_number: number,
    per_page: 100,
  });
  const paths = files.flatMap((file) =>
    file.previous_filename ? [file.filename, file.previous_filename] : [file.filename],
  );
  return { paths, capped: files.length >= CHANGED_FILES_CAP };
}
