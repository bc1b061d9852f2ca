// The demo (and every test, through the same runAction) leaves nothing behind in the temporary
// folder: a run of the bundle removes the folder it made for the runner's files.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { removeFolder, scratchFolder } from './helpers/scratch-folder.js';

const DEMO = fileURLToPath(new URL('emulator/demo.js', import.meta.url));

describe('temporary folders', () => {
  let privateTmp: string;
  beforeAll(() => (privateTmp = scratchFolder('tmp')));
  afterAll(() => removeFolder(privateTmp));

  it('npm run demo runs the bundle twice and leaves no folder in TMPDIR', async () => {
    // A child process of its own, so that TMPDIR (which os.tmpdir() reads) is this test's alone.
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(process.execPath, [DEMO], { env: { ...process.env, TMPDIR: privateTmp } }, (error, stdout) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      ),
    );
    expect(code).toBe(0);
    // It shows what it judges before what the gate posted.
    expect(stdout.indexOf('The policy on the base branch')).toBeGreaterThanOrEqual(0);
    expect(stdout.indexOf("The pull request's description")).toBeLessThan(stdout.indexOf('Status posted:'));
    expect(stdout).toContain('result=pass');
    expect(readdirSync(privateTmp)).toEqual([]);
  });
});
