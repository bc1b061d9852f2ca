// Run by jest after each test (jest.config.js, setupFilesAfterEnv): a test whose requests, answers,
// GraphQL queries or webhook payloads depart from GitHub's published descriptions fails, named.
import { afterEach } from '@jest/globals';
import { takeViolations } from './openapi-conformance.js';

afterEach(() => {
  const found = takeViolations();
  if (found.length > 0) {
    throw new Error(
      `GitHub would not send or accept this (see __tests__/emulator/openapi-conformance.js):\n- ${found.join('\n- ')}`,
    );
  }
});
