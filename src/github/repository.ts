/** The repository an API call is about. */
export interface Repository {
  owner: string;
  repo: string;
}

/** Whether an API error is GitHub's "not found". */
export function isNotFound(error: unknown): boolean {
  return (error as { status?: number }).status === 404;
}

/** Whether an API error says the token lacks a permission (a fork's read-only token, or a missing `permissions:` entry). */
export function isForbidden(error: unknown): boolean {
  const status = (error as { status?: number }).status;
  return status === 403 || status === 401;
}
