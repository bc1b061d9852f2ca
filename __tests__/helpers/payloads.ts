import { checkWebhook } from '../emulator/openapi-conformance.js';
import { webhookExample } from '../emulator/webhook-examples.js';

/** A copy of one of GitHub's own example webhook payloads, held to GitHub's webhook schema. */
export function webhook(event: string, action?: string): Record<string, any> {
  return webhookExample(event, action);
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
