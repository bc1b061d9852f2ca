/** Why a file could not be read, in words: the system's code (ENOENT, EACCES, …) said plainly. */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

/** "no such file (ENOENT)", or the error's own message when its code is not one of the usual. */
export function readFailure(error: unknown): string {
  const failed = error as { code?: unknown; message?: unknown };
  const message = typeof failed.message === 'string' ? failed.message : String(error);
  const code = typeof failed.code === 'string' ? failed.code : (/^([A-Z]+):/.exec(message)?.[1] ?? null);
  const reason = code !== null ? REASONS[code] : undefined;
  return reason !== undefined ? `${reason} (${code})` : (message.split('\n')[0] ?? message);
}
