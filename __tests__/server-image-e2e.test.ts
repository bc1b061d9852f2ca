import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitHubEmulator } from './emulator/github-emulator.js';
import { installedApp } from './helpers/installed-app.js';
import { startServer, type RunningServer } from './emulator/run-server.js';
import { HEAD_SHA, pullRequestEvent } from './helpers/payloads.js';
import { appKeyPair } from './emulator/app-key.js';

// The Dockerfile's image, short of a Docker engine (none runs where the tests run): its
// instructions are read, the files its COPY lines name are copied into an empty folder as the
// image would hold them, and the server is started from there, by its ENTRYPOINT, with its ENV,
// on the Node the end-to-end suites run (Node 24 in CI's second pass). What it checks is what
// could break the image without breaking the build: a file the bundles need that no COPY brings,
// a base that is not Node 24, a root user, a health check on a path the server does not answer.

const ROOT = new URL('../', import.meta.url).pathname;

interface Instruction {
  keyword: string;
  args: string;
}

/** The Dockerfile's instructions, comments dropped and continued lines joined. */
function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

const dockerfile = instructions(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
const all = (keyword: string) =>
  dockerfile.filter((each) => each.keyword === keyword).map((each) => each.args);
const last = (keyword: string) => all(keyword).at(-1) ?? '';

/** ENV lines as variables: `ENV A=1 B=2`. */
function imageEnv(): Record<string, string> {
  return Object.fromEntries(
    all('ENV').flatMap((args) => args.split(/\s+/).map((pair) => pair.split('=') as [string, string])),
  );
}

/** The image's files: each COPY's sources, from the build context, under WORKDIR. */
function assembleImage(): string {
  const image = mkdtempSync(join(tmpdir(), 'checklist-gate-image-'));
  for (const args of all('COPY')) {
    expect(args).not.toMatch(/^--from/);
    const parts = args.split(/\s+/);
    const destination = parts.pop() ?? '';
    for (const source of parts) {
      const target =
        destination.endsWith('/') && !source.endsWith('/') ? join(destination, source) : destination;
      cpSync(join(ROOT, source), join(image, target), { recursive: true });
    }
  }
  return image;
}

/** Every file under a folder, with its size and time, to see that the server wrote none. */
function listing(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((path) => {
      const stat = statSync(join(folder, path));
      return `${path} ${stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}

describe('the server image (Dockerfile)', () => {
  it('is Node 24, runs as a user of its own, and starts `checklist-gate serve`', () => {
    expect(last('FROM')).toMatch(/^node:24(-|$)/);
    expect(last('USER')).not.toMatch(/^(root|0)(:|$)/);
    expect(last('USER')).not.toBe('');
    expect(JSON.parse(last('ENTRYPOINT'))).toEqual(['node', 'dist/cli/index.js', 'serve']);
    expect(last('WORKDIR')).toBe('/app');
    // The health check asks the server's own health path on the port the server listens on.
    expect(last('HEALTHCHECK')).toContain('http://127.0.0.1:${PORT}/healthz');
    expect(last('EXPOSE')).toBe(imageEnv()['PORT']);
    // No build inside the image: the bundles are built and committed, so nothing runs at build time.
    expect(all('RUN')).toEqual([]);
  });

  describe('started from the files it holds, and nothing else', () => {
    const { publicKey, privateKey } = appKeyPair();
    let image = '';
    let emulator: GitHubEmulator;
    let server: RunningServer | null = null;

    beforeAll(() => {
      image = assembleImage();
    });
    afterAll(() => rmSync(image, { recursive: true, force: true }));
    afterEach(async () => {
      if (server) expect(await server.stop()).toBe(0);
      server = null;
      await emulator?.stop();
    });

    it('answers /healthz and gates a delivered event, writing no file of its own', async () => {
      // The image has no node_modules: the bundles carry their dependencies.
      expect(readdirSync(image).sort()).not.toContain('node_modules');
      const before = listing(image);
      emulator = installedApp({
        appId: 4242,
        installationId: 31,
        publicKey,
        body: '- [ ] Rollback plan tested\n',
      });
      const apiUrl = await emulator.start();
      const [node, cli] = JSON.parse(last('ENTRYPOINT')) as string[];
      expect(node).toBe('node');
      server = await startServer(
        {
          ...imageEnv(),
          // A free port instead of the image's: tests run side by side.
          PORT: '0',
          APP_ID: '4242',
          PRIVATE_KEY: privateKey,
          WEBHOOK_SECRET: 'image-test',
          GITHUB_API_URL: apiUrl,
          ORG_POLICY: 'none',
        },
        { cli: join(image, cli ?? ''), cwd: image },
      );

      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);

      const payload = pullRequestEvent('edited', '- [ ] Rollback plan tested\n', { from: '' });
      payload['installation'] = { id: 31, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMzE=' };
      const delivered = await server.deliver('pull_request', payload);
      expect(delivered.status).toBe(202);
      expect(await server.settled(delivered.id)).toContain('fail');
      expect(emulator.checkRuns).toMatchObject([{ head_sha: HEAD_SHA, conclusion: 'failure' }]);
      expect(listing(image)).toEqual(before);
    });
  });
});
