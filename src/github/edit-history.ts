/** A pull request description's edit history (GraphQL). */
import type { GitHubClient } from './client.js';
import type { Revision } from '../evaluate/ticked-in-edit.js';
import type { Repository } from './repository.js';

/** How many of the latest revisions are read: enough for any release checklist's life. */
const REVISIONS = 100;

const QUERY = `query ($owner: String!, $repo: String!, $number: Int!) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      author { login }
      body
      userContentEdits(last: ${REVISIONS}) {
        pageInfo { hasPreviousPage }
        nodes { editedAt deletedAt editor { login } diff }
      }
    }
  }
}`;

interface HistoryAnswer {
  repository: {
    pullRequest: {
      author: { login: string } | null;
      body: string;
      userContentEdits: {
        pageInfo?: { hasPreviousPage: boolean };
        nodes: {
          editedAt: string;
          deletedAt: string | null;
          editor: { login: string } | null;
          diff: string | null;
        }[];
      };
    } | null;
  } | null;
}

/**
 * The pull request description's revisions, oldest first, each the whole body after an edit and
 * who made it (GraphQL `userContentEdits`; a description never edited is one revision by its
 * author). A revision deleted from the history has a null body, and so does one standing for the
 * revisions before the latest 100 when there are more: no tick is credited across what is not
 * known. Null when the history cannot be read: sign-offs then rest on reviews alone.
 */
export async function descriptionHistory(
  client: GitHubClient,
  repository: Repository,
  number: number,
): Promise<Revision[] | null> {
  let answer: HistoryAnswer;
  try {
    answer = await client.graphql<HistoryAnswer>(QUERY, { ...repository, number });
  } catch {
    return null;
  }
  const pull = answer.repository?.pullRequest;
  if (!pull) return null;
  const { nodes, pageInfo } = pull.userContentEdits;
  if (nodes.length === 0) return [{ editor: pull.author?.login ?? '', body: pull.body }];
  const revisions = [...nodes]
    .sort((a, b) => a.editedAt.localeCompare(b.editedAt))
    .map((node) => ({
      editor: node.editor?.login ?? '',
      body: node.deletedAt === null ? node.diff : null,
    }));
  // Without the page information, the history is taken to go back further than it shows.
  const earlier = pageInfo?.hasPreviousPage !== false;
  return earlier ? [{ editor: '', body: null }, ...revisions] : revisions;
}
