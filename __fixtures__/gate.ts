// A typed stand-in for src/action/gate.ts: the tests of main decide what the gate returns.
import { jest } from '@jest/globals';
import type { runGate as realRunGate } from '../src/gate/run-gate.js';

export const runGate = jest.fn<typeof realRunGate>();
