#!/usr/bin/env node
/** The CLI's entry: the process's arguments, files and git handed to the commands in cli/. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCli } from './cli/run-cli.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// The ready checklists and package.json ship beside the bundle, in a checkout and in the npm
// package alike: dist/cli/index.js -> checklists/, package.json.
const here = dirname(fileURLToPath(import.meta.url));
const checklists = [here, '..', '..', 'checklists'].reduce((path, part) => join(path, part));
const packageJson = [here, '..', '..', 'package.json'].reduce((path, part) => join(path, part));

const WORKFLOWS = '.github/workflows';

/**
 * A path in the repository `init` runs in, resolved at run time. Through a function, so that the
 * bundler does not take the literal for a file of this project and bundle it.
 */
function inRepository(dir: string, path: string): string {
  return resolve(dir, path);
}

async function version(): Promise<string> {
  try {
    return String((JSON.parse(await readFile(packageJson, 'utf8')) as { version?: unknown }).version);
  } catch (error) {
    return `unknown (${(error as Error).message})`;
  }
}

/** The nearest folder up from `start` that holds .git (a folder, or a file in a worktree); null if none. */
function gitRoot(start: string): string | null {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/** The address of the remote `origin` of the repository in DIR, as git reports it; null without one (or without git). */
function originUrl(dir: string): Promise<string | null> {
  return new Promise((done) =>
    execFile('git', ['-C', dir, 'remote', 'get-url', 'origin'], { timeout: 10_000 }, (error, stdout) =>
      done(error ? null : stdout.trim() || null),
    ),
  );
}

/**
 * Loads the server's bundle (dist/server/index.js beside dist/cli/) at run time and runs it until
 * SIGTERM or SIGINT. Ignored by the bundler, so the CLI's bundle does not contain the server.
 */
async function serve(args: string[]): Promise<number> {
  // dist/cli/index.js -> dist/server/index.js; a path the bundler cannot read as a module of its own.
  const href = pathToFileURL(
    [here, '..', 'server', 'index.js'].reduce((path, part) => join(path, part)),
  ).href;
  const server = (await import(/* webpackIgnore: true */ href)) as {
    serve: (args: string[], io: unknown) => Promise<number>;
  };
  const stopSignal = new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  return server.serve(args, {
    env: process.env,
    stopSignal,
    out: (line: string) => process.stdout.write(line),
    err: (line: string) => process.stderr.write(line),
  });
}

const argv = process.argv.slice(2);
process.exitCode = await runCli(argv, {
  env: process.env,
  version: await version(),
  ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
  readText: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  ...(process.stderr.isTTY ? { progress: process.stderr } : {}),
  serve,
  files: {
    checklistNames: async () =>
      (await readdir(checklists, { withFileTypes: true }))
        .filter(
          (entry) => entry.isDirectory() && existsSync(join(checklists, entry.name, 'checklist-gate.yml')),
        )
        .map((entry) => entry.name)
        .sort(),
    readChecklistFile: (name, file) => readFile(join(checklists, name, file), 'utf8'),
    workflowFiles: async (dir) => {
      const folder = inRepository(dir, WORKFLOWS);
      if (!existsSync(folder)) return [];
      const names = (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort();
      return Promise.all(
        names.map(async (name) => ({
          path: `${WORKFLOWS}/${name}`,
          text: await readFile(join(folder, name), 'utf8'),
        })),
      );
    },
    gitRoot: async () => gitRoot(process.cwd()),
    originUrl: (dir) => originUrl(dir),
    exists: async (path) => existsSync(resolve(path)),
    write: async (path, text) => {
      await mkdir(dirname(resolve(path)), { recursive: true });
      await writeFile(resolve(path), text);
    },
  },
});
