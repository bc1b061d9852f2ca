/**
 * The workflow file a run names in its `path`: `.github/workflows/ci.yml`, possibly followed by
 * `@ref`, or prefixed by `owner/repo/` as GitHub writes it for a workflow of another repository.
 * Null when the path names no workflow file of a repository (GitHub's own dynamic workflows, such
 * as `dynamic/github-code-scanning/codeql`), which no policy can name by file.
 */
export function workflowFileOf(
  runPath: string,
  runRepository: string,
): { repository: string; path: string } | null {
  const match = /^(?:([^/@]+\/[^/@]+)\/)?(\.github\/workflows\/[^@]+\.ya?ml)(?:@.*)?$/.exec(runPath);
  if (!match?.[2]) return null;
  return { repository: match[1] ?? runRepository, path: match[2] };
}

/** A policy's workflow entry as a path to compare, or null when it is a workflow name. */
export function asWorkflowPath(entry: string): string | null {
  const path = entry.replace(/^\.\//, '');
  return /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path) ? path : null;
}
