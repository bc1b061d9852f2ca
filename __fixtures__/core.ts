// A typed stand-in for @actions/core, for jest.unstable_mockModule in the tests of main.
import type * as core from '@actions/core';
import { jest } from '@jest/globals';

export const getInput = jest.fn<typeof core.getInput>();
export const getBooleanInput = jest.fn<typeof core.getBooleanInput>();
export const setOutput = jest.fn<typeof core.setOutput>();
export const setFailed = jest.fn<typeof core.setFailed>();
export const info = jest.fn<typeof core.info>();
export const notice = jest.fn<typeof core.notice>();
export const warning = jest.fn<typeof core.warning>();
export const error = jest.fn<typeof core.error>();
export const debug = jest.fn<typeof core.debug>();

const write = jest.fn<typeof core.summary.write>();
const addRaw = jest.fn<typeof core.summary.addRaw>();
export const summary = { addRaw, write } as unknown as typeof core.summary;
/** The summary's methods, to set and inspect: addRaw chains to write, as the real one does. */
export const summaryCalls = { addRaw, write };
