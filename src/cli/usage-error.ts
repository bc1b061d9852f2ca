/** A mistake in how the CLI was called: one line, then the command's short usage; exit status 2. */
export class UsageError extends Error {}
