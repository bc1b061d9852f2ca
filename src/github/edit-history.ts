import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';

/** How many of the latest revisions are read: enough for any release checklist's life. */
const REVISIONS = 100;

const QUERY = `query ($owner: String!, $repo: String!, $number: Int!) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      author { login }
      body
      userContentEdits(last: ${REVISIONS}) { nodes { editedAt deletedAt editor { login } diff } }
    }
  }
}`;

interface HistoryAnswer {
  repository: {
    pullRequest: {
      author: { login: string } | null;
      body: string;
      userContentEdits: {
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
 * author). Null when the history cannot be read: sign-offs then rest on reviews and the triggering edit.
 */
export async function descriptionHistory(
  client: GitHubClient,
  repository: Repository,
  number: number,
): Promise<{ editor: string; body: string }[] | null> {
  let answer: HistoryAnswer;
  try {
    answer = await client.graphql<HistoryAnswer>(QUERY, { ...repository, number });
  } catch {
    return null;
  }
  const pull = answer.repository?.pullRequest;
  if (!pull) return null;
  const revisions = pull.userContentEdits.nodes
    .filter((node) => node.deletedAt === null && node.diff !== null)
    .sort((a, b) => a.editedAt.localeCompare(b.editedAt))
    .map((node) => ({ editor: node.editor?.login ?? '', body: node.diff ?? '' }));
  return revisions.length > 0 ? revisions : [{ editor: pull.author?.login ?? '', body: pull.body }];
}
