// @ts-check
// Run by jest after each test (jest.config.js, setupFilesAfterEnv): a test whose requests, answers,
// GraphQL queries or webhook payloads depart from GitHub's published descriptions fails, named.
import { appendFileSync } from 'node:fs';
import { afterAll, afterEach } from '@jest/globals';
import { coverage, takeViolations } from './openapi-conformance.js';

afterEach(() => {
  const found = takeViolations();
  if (found.length > 0) {
    throw new Error(
      `GitHub would not send or accept this (see __tests__/emulator/openapi-conformance.js):\n- ${found.join('\n- ')}`,
    );
  }
});

// CONFORMANCE_COVERAGE=file appends what each test file checked, one JSON line per file.
afterAll(() => {
  const file = process.env['CONFORMANCE_COVERAGE'];
  if (file) appendFileSync(file, `${JSON.stringify(coverage())}\n`);
});
