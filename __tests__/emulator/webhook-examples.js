// @ts-check
// GitHub's own example webhook payloads (@octokit/webhooks-examples), brought up to GitHub's
// webhook schema (@octokit/openapi-webhooks) and checked against it: for the tests, the demo
// and the benchmark alike.
import { createRequire } from 'node:module';
import { checkWebhook } from './openapi-conformance.js';

const require = createRequire(import.meta.url);
/** @type {{ name: string, examples: Record<string, any>[] }[]} */
const examples = require('@octokit/webhooks-examples/api.github.com/index.json');

const reactions = (/** @type {string} */ url) => ({
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
 * @type {Record<string, (payload: Record<string, any>) => void>}
 */
const EXAMPLE_FIXES = {
  pull_request: (payload) => {
    payload['pull_request'].auto_merge ??= null;
    for (const side of ['base', 'head']) payload['pull_request'][side].repo.has_discussions ??= false;
  },
  pull_request_review: (payload) => {
    const pull = payload['pull_request'];
    pull.draft ??= false;
    pull.auto_merge ??= null;
    pull.active_lock_reason ??= null;
    for (const side of ['base', 'head']) {
      pull[side].repo.has_discussions ??= false;
      pull[side].repo.topics ??= [];
      pull[side].repo.visibility ??= pull[side].repo.private ? 'private' : 'public';
    }
  },
  workflow_run: (payload) => {
    const run = payload['workflow_run'];
    run.actor ??= payload['sender'];
    run.triggering_actor ??= payload['sender'];
    run.path ??= '.github/workflows/ci.yml';
  },
  push: (payload) => {
    const repository = payload['repository'];
    repository.has_discussions ??= false;
    repository.topics ??= [];
    repository.visibility ??= repository.private ? 'private' : 'public';
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
  installation: (payload) => fixInstallation(payload),
  installation_repositories: (payload) => {
    fixInstallation(payload);
    payload['requester'] ??= null;
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

/** The installation as GitHub describes it today: times as ISO strings, the App's slug, no suspension. */
function fixInstallation(/** @type {Record<string, any>} */ payload) {
  const installation = payload['installation'];
  installation.app_slug ??= 'checklist-gate';
  installation.suspended_by ??= null;
  installation.suspended_at ??= null;
  for (const field of ['created_at', 'updated_at'])
    if (typeof installation[field] === 'number')
      installation[field] = new Date(installation[field] * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
}

/**
 * A copy of GitHub's first example payload for an event (and action), held to GitHub's webhook schema.
 * @returns {Record<string, any>}
 */
export function webhookExample(/** @type {string} */ event, /** @type {string | undefined} */ action) {
  const found = examples
    .find((entry) => entry.name === event)
    ?.examples.find((example) => action === undefined || example['action'] === action);
  if (!found) throw new Error(`no example payload for ${event}.${action ?? ''}`);
  const payload = structuredClone(found);
  EXAMPLE_FIXES[event]?.(payload);
  checkWebhook(event, payload);
  return payload;
}
