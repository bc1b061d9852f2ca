import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string;
  examples: Record<string, unknown>[];
}[];

/** A copy of one of GitHub's own example webhook payloads. */
export function webhook(event: string, action?: string): Record<string, any> {
  const found = examples
    .find((entry) => entry.name === event)
    ?.examples.find((example) => action === undefined || example['action'] === action);
  if (!found) throw new Error(`no example payload for ${event}.${action ?? ''}`);
  return structuredClone(found) as Record<string, any>;
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
  }
  return payload;
}

export const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
