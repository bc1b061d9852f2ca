/** The body of the changelog's section for this version, without its heading; null when it has none. */
export function changelogSection(changelog: string, version: string): string | null;
/** The notes for a tag, or the reason there can be none. */
export function releaseNotes(
  tag: string,
  changelog: string,
  packageVersion: string,
): { notes: string; error?: undefined } | { error: string; notes?: undefined };
