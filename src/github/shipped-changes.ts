/** What went out of a repository in a window: merged pull requests, releases, the policy's history. */
import type { PolicyVersion } from '../audit/policy-version.js';
import type { GitHubClient } from './client.js';
import type { Repository } from './repository.js';

/** A merged pull request, as the audit needs it. */
export interface MergedPull {
  number: number;
  title: string;
  url: string;
  baseRef: string;
  headRef: string;
  headSha: string;
  labels: string[];
  mergedAt: string;
  mergedBy: string | null;
  mergeCommit: string | null;
}

/** A release with the commit its tag points at. */
export interface PublishedRelease {
  tag: string;
  url: string;
  publishedAt: string;
  author: string | null;
  sha: string;
}

/** What went out of one repository in a time window, and the history of its policy file. */
export type { PolicyVersion } from '../audit/policy-version.js';

export interface ShippedChanges {
  url: string;
  defaultBranch: string | null;
  pulls: MergedPull[];
  releases: PublishedRelease[];
  /** Newest first; the policy file's whole history on the default branch, up to 100 commits. */
  policyHistory: PolicyVersion[];
  /** Requests made, for the budget. */
  queries: number;
}

/**
 * One query per 100 merged pull requests: the first also brings the default branch, the policy
 * file's history (each version's text and the pull requests that made it) and the newest releases
 * with their tag's commit. Pull requests are read newest-updated first, and no further page is
 * read once a page reaches back before `since` (a pull request is updated when it is merged).
 */
const QUERY = `query ($owner: String!, $name: String!, $path: String!, $after: String, $first: Boolean!) {
  repository(owner: $owner, name: $name) {
    url
    defaultBranchRef @include(if: $first) {
      name
      target {
        __typename
        ... on Commit {
          history(first: 100, path: $path) {
            nodes {
              oid
              committedDate
              associatedPullRequests(first: 5) { nodes { number } }
              file(path: $path) { object { __typename ... on Blob { text } } }
            }
          }
        }
      }
    }
    releases(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) @include(if: $first) {
      nodes { tagName url publishedAt isDraft author { login } tagCommit { oid } }
    }
    pullRequests(states: MERGED, first: 100, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number
        title
        url
        baseRefName
        headRefName
        headRefOid
        updatedAt
        mergedAt
        mergedBy { login }
        mergeCommit { oid }
        labels(first: 100) { nodes { name } }
      }
    }
  }
}`;

interface Answer {
  repository: {
    url: string;
    defaultBranchRef?: {
      name: string;
      target: {
        history?: {
          nodes: {
            oid: string;
            committedDate: string;
            associatedPullRequests: { nodes: { number: number }[] } | null;
            file: { object: { text?: string | null } | null } | null;
          }[];
        };
      } | null;
    } | null;
    releases?: {
      nodes: {
        tagName: string;
        url: string;
        publishedAt: string | null;
        isDraft: boolean;
        author: { login: string } | null;
        tagCommit: { oid: string } | null;
      }[];
    };
    pullRequests: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: {
        number: number;
        title: string;
        url: string;
        baseRefName: string;
        headRefName: string;
        headRefOid: string;
        updatedAt: string;
        mergedAt: string | null;
        mergedBy: { login: string } | null;
        mergeCommit: { oid: string } | null;
        labels: { nodes: { name: string }[] } | null;
      }[];
    };
  } | null;
}

export interface Window {
  since: Date;
  until: Date;
}

export async function shippedChanges(
  client: GitHubClient,
  repository: Repository,
  policyPath: string,
  window: Window,
): Promise<ShippedChanges> {
  const inWindow = (at: string | null): at is string =>
    at !== null && Date.parse(at) >= window.since.getTime() && Date.parse(at) <= window.until.getTime();
  const changes: ShippedChanges = {
    url: '',
    defaultBranch: null,
    pulls: [],
    releases: [],
    policyHistory: [],
    queries: 0,
  };
  let after: string | null = null;
  for (let first = true; ; first = false) {
    const answer: Answer = await client.graphql<Answer>(QUERY, {
      owner: repository.owner,
      name: repository.repo,
      path: policyPath,
      after,
      first,
    });
    changes.queries++;
    const found = answer.repository;
    if (found === null)
      throw new Error(`${repository.owner}/${repository.repo} was not found, or the token cannot read it`);
    if (first) {
      changes.url = found.url;
      changes.defaultBranch = found.defaultBranchRef?.name ?? null;
      changes.policyHistory = (found.defaultBranchRef?.target?.history?.nodes ?? []).map((node) => ({
        sha: node.oid,
        committedAt: node.committedDate,
        pulls: (node.associatedPullRequests?.nodes ?? []).map((pull) => pull.number),
        text: node.file?.object?.text ?? null,
      }));
      changes.releases = (found.releases?.nodes ?? [])
        .filter((release) => !release.isDraft && release.tagCommit !== null && inWindow(release.publishedAt))
        .map((release) => ({
          tag: release.tagName,
          url: release.url,
          publishedAt: release.publishedAt ?? '',
          author: release.author?.login ?? null,
          sha: release.tagCommit?.oid ?? '',
        }));
    }
    const page = found.pullRequests;
    for (const node of page.nodes) {
      if (!inWindow(node.mergedAt)) continue;
      changes.pulls.push({
        number: node.number,
        title: node.title,
        url: node.url,
        baseRef: node.baseRefName,
        headRef: node.headRefName,
        headSha: node.headRefOid,
        labels: (node.labels?.nodes ?? []).map((label) => label.name),
        mergedAt: node.mergedAt,
        mergedBy: node.mergedBy?.login ?? null,
        mergeCommit: node.mergeCommit?.oid ?? null,
      });
    }
    const oldest = page.nodes[page.nodes.length - 1];
    if (
      !page.pageInfo.hasNextPage ||
      oldest === undefined ||
      Date.parse(oldest.updatedAt) < window.since.getTime()
    )
      return changes;
    after = page.pageInfo.endCursor;
  }
}
