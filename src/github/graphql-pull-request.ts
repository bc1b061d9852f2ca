import { isRecord, restLogin, type Actor } from './graphql-answer.js';
import type { PullRequest } from './pull-requests.js';

/** Labels asked per pull request; one with more is read by REST, which gives them all. */
const LABELS = 100;

/** The fields of a GraphQL PullRequest that make the gate's PullRequest, as REST gives it. */
export const PULL_REQUEST_FIELDS = `number state body title baseRefName baseRefOid headRefName headRefOid updatedAt url
        author { __typename login }
        labels(first: ${LABELS}) { pageInfo { hasNextPage } nodes { name } }`;

interface PullNode {
  number: number;
  state: string;
  body: string;
  title: string;
  baseRefName: string;
  baseRefOid: string;
  headRefName: string;
  headRefOid: string;
  updatedAt: string;
  url: string;
  author: Actor | null;
  labels: { pageInfo: { hasNextPage: boolean }; nodes: ({ name: string } | null)[] } | null;
}

/**
 * The pull request exactly as REST's `toPullRequest` gives it; null when the node is missing or
 * its labels run past one page (the caller then reads it by REST). GitHub's GraphQL states are
 * OPEN, CLOSED and MERGED; REST calls a merged pull request closed. The head branch is named
 * alone, from a fork too, as REST's `head.ref`.
 */
export function pullRequestOf(value: unknown): PullRequest | null {
  if (!isRecord(value)) return null;
  const node = value as unknown as PullNode;
  if (!node.labels || node.labels.pageInfo.hasNextPage) return null;
  return {
    number: node.number,
    state: node.state === 'OPEN' ? 'open' : 'closed',
    body: node.body,
    baseRef: node.baseRefName,
    baseSha: node.baseRefOid,
    headRef: node.headRefName,
    headSha: node.headRefOid,
    title: node.title,
    labels: node.labels.nodes.flatMap((label) => (label?.name ? [label.name] : [])),
    updatedAt: node.updatedAt,
    htmlUrl: node.url,
    author: node.author ? restLogin(node.author) : null,
  };
}
