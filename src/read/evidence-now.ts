/** The linked evidence as it says now, read again to tell whether a verdict's facts moved. */
import type { LinkFacts } from '../evaluate/facts.js';
import type { FactsNeeded } from '../evaluate/plan-facts.js';
import type { GitHubClient } from '../github/client.js';
import { fetchLinkFacts } from '../github/linked-facts.js';

/**
 * Each link's facts, read concurrently, keyed as the reading keyed them; null when the verdict
 * verified no link, so that the digest stays null as it was.
 */
export async function evidenceNow(
  client: GitHubClient,
  links: FactsNeeded['links'],
  reads: Pick<FactsNeeded, 'workflows' | 'closers'>,
): Promise<Map<string, LinkFacts> | null> {
  if (links.length === 0) return null;
  const facts = await Promise.all(
    links.map(
      async (link) =>
        [
          link.key,
          await fetchLinkFacts(client, link, { jobWorkflow: reads.workflows, merger: reads.closers }),
        ] as const,
    ),
  );
  return new Map(facts);
}
