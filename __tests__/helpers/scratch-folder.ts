// Folders the tests write into, under the system's temporary folder, removed when done.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new empty folder, `checklist-gate-<name>-` and a random suffix, under the system's temporary folder. */
export function scratchFolder(name: string): string {
  return mkdtempSync(join(tmpdir(), `checklist-gate-${name}-`));
}

/** Removes a folder and everything in it; nothing when it is already gone. */
export function removeFolder(path: string): void {
  rmSync(path, { recursive: true, force: true });
}
