/** A host name with at least one dot, then a path or nothing: "ci.acme.dev/runs/9". */
const HOST_AND_PATH = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]\S*)?$/i;

/**
 * A link written without its scheme, as the web address it was meant to be; null for anything
 * else. GitHub keeps such a link relative to the page, so it points nowhere the author meant.
 */
export function withScheme(url: string): string | null {
  const trimmed = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return null;
  return HOST_AND_PATH.test(trimmed) ? `https://${trimmed}` : null;
}
