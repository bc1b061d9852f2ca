import { createRequire } from 'node:module';
import { checkWebhook } from '../emulator/openapi-conformance.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string;
  examples: Record<string, unknown>[];
}[];

const reactions = (url: string) => ({
  url: `${url}/reactions`,
  total_count: 0,
  '+1': 0,
  '-1': 0,
  laugh: 0,
  confused: 0,
  heart: 0,
  hooray: 0,
  eyes: 0,
  rocket: 0,
});

/**
 * Where GitHub's example payloads fall short of its webhook schema (fields the schema has gained
 * since the examples were recorded), by event: the fields GitHub sends today, with empty values.
 */
const EXAMPLE_FIXES: Record<string, (payload: Record<string, any>) => void> = {
  pull_request: (payload) => {
    payload['pull_request'].auto_merge ??= null;
    for (const side of ['base', 'head']) payload['pull_request'][side].repo.has_discussions ??= false;
  },
  merge_group: (payload) => {
    // An empty homepage is sent as null; "" is not a URI.
    if (payload['repository'].homepage === '') payload['repository'].homepage = null;
  },
  release: (payload) => {
    payload['release'].immutable ??= false;
    payload['release'].updated_at ??= payload['release'].created_at;
  },
  workflow_dispatch: (payload) => {
    payload['repository'].disabled ??= false;
  },
  issue_comment: (payload) => {
    const { comment, issue } = payload;
    comment.performed_via_github_app ??= null;
    comment.reactions ??= reactions(comment.url);
    issue.active_lock_reason ??= null;
    issue.reactions ??= reactions(issue.url);
    for (const label of issue.labels) label.description ??= null;
  },
};

/** A copy of one of GitHub's own example webhook payloads, held to GitHub's webhook schema. */
export function webhook(event: string, action?: string): Record<string, any> {
  const found = examples
    .find((entry) => entry.name === event)
    ?.examples.find((example) => action === undefined || example['action'] === action);
  if (!found) throw new Error(`no example payload for ${event}.${action ?? ''}`);
  const payload = structuredClone(found) as Record<string, any>;
  EXAMPLE_FIXES[event]?.(payload);
  checkWebhook(event, payload);
  return payload;
}

/** GitHub's example pull_request payload for PR #2 of Codertocat/Hello-World, set to an action and a body. */
export function pullRequestEvent(
  action: string,
  body: string,
  changes?: { from: string; sender?: string },
): Record<string, any> {
  const payload = webhook('pull_request', action === 'edited' ? 'opened' : action);
  payload['action'] = action;
  payload['pull_request'].body = body;
  if (changes) {
    payload['changes'] = { body: { from: changes.from } };
    if (changes.sender) payload['sender'] = { ...payload['sender'], login: changes.sender };
  } else if (action === 'edited') {
    // GitHub always says what an edit changed; without a previous body, it was the title.
    payload['changes'] = { title: { from: payload['pull_request'].title } };
  }
  checkWebhook('pull_request', payload);
  return payload;
}

export const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
