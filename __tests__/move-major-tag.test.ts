// .ci/move-major-tag on a scratch repository: the major tag follows each release forwards, never
// backwards, never to a pre-release, and reaches the remote when asked.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeFolder, scratchFolder } from './helpers/scratch-folder.js';

const SCRIPT = fileURLToPath(new URL('../.ci/move-major-tag', import.meta.url));
const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Release',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_COMMITTER_NAME: 'Release',
  GIT_COMMITTER_EMAIL: 'release@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

describe('.ci/move-major-tag', () => {
  let scratch: string;
  let repository: string;
  let remote: string;
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: repository, env: ENV, encoding: 'utf8', stdio: 'pipe' }).trim();
  const move = (...args: string[]) =>
    spawnSync('bash', [SCRIPT, ...args], { cwd: repository, env: ENV, encoding: 'utf8' });
  const commitTagged = (tag: string) => {
    writeFileSync(join(repository, 'file'), tag);
    git('add', 'file');
    git('commit', '-q', '-m', tag);
    git('tag', '-a', tag, '-m', tag);
    return git('rev-parse', 'HEAD');
  };
  const at = (tag: string, where = repository) =>
    execFileSync('git', ['rev-parse', `refs/tags/${tag}^{commit}`], {
      cwd: where,
      env: ENV,
      encoding: 'utf8',
    }).trim();

  beforeAll(() => {
    scratch = scratchFolder('tags');
    repository = join(scratch, 'repository');
    remote = join(scratch, 'remote.git');
    execFileSync('git', ['init', '-q', '--bare', remote], { env: ENV });
    execFileSync('git', ['init', '-q', repository], { env: ENV });
    git('remote', 'add', 'origin', remote);
  });
  afterAll(() => removeFolder(scratch));

  it('creates the major tag at the first release, then moves it forwards', () => {
    const first = commitTagged('v1.0.0');
    expect(move('v1.0.0').status).toBe(0);
    expect(at('v1')).toBe(first);
    const second = commitTagged('v1.1.0');
    const moved = move('v1.1.0');
    expect(moved.status).toBe(0);
    expect(moved.stdout).toContain('v1 moved');
    expect(at('v1')).toBe(second);
    expect(at('v1.0.0')).toBe(first);
  });

  it('never moves it backwards, to a pre-release, or to a tag that does not exist', () => {
    const before = at('v1');
    const backwards = move('v1.0.0');
    expect(backwards.status).toBe(1);
    expect(backwards.stderr).toContain('not moving it backwards');
    commitTagged('v1.2.0-rc.1');
    expect(move('v1.2.0-rc.1').stderr).toContain('pre-releases do not move the major tag');
    expect(move('v1.9.9').stderr).toContain('no tag v1.9.9');
    expect(move('1.1.0').status).toBe(1);
    expect(move().status).toBe(2);
    expect(at('v1')).toBe(before);
  });

  it('gives each major version its own tag, and pushes it when asked', () => {
    const v1 = at('v1');
    const two = commitTagged('v2.0.0');
    const pushed = move('v2.0.0', '--push', 'origin');
    expect(pushed.status).toBe(0);
    expect(at('v2')).toBe(two);
    expect(at('v1')).toBe(v1);
    expect(at('v2', remote)).toBe(two);
    // A re-run of the same release changes nothing and still succeeds.
    expect(move('v2.0.0', '--push', 'origin').status).toBe(0);
    const three = commitTagged('v2.0.1');
    expect(move('v2.0.1', '--push', 'origin').status).toBe(0);
    expect(at('v2', remote)).toBe(three);
  });
});
