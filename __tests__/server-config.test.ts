import { ConfigError, readServerConfig } from '../src/server/config.js';
import { createServerLog } from '../src/server/server-log.js';
import { appKeyPair } from './emulator/app-key.js';

const { privateKey } = appKeyPair();
const BASE = { APP_ID: '12', PRIVATE_KEY: privateKey, WEBHOOK_SECRET: 's3cret-value' };
const noFile = () => {
  throw Object.assign(new Error('nope'), { code: 'ENOENT' });
};
const read = (env: Record<string, string | undefined>, file: (path: string) => string = noFile) =>
  readServerConfig(env, file);
const problem = (env: Record<string, string | undefined>) => {
  try {
    read(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('no error');
};

describe('the server configuration', () => {
  it('has defaults for all but the App and its secrets', () => {
    expect(read(BASE)).toEqual({
      appId: 12,
      privateKey,
      webhookSecret: 's3cret-value',
      port: 3000,
      apiUrl: 'https://api.github.com',
      serverHost: 'github.com',
      sweepIntervalMinutes: 360,
      orgPolicy: { repo: '.github', path: '.github/checklist-gate.yml', ref: null },
      checkName: 'checklist-gate',
    });
  });

  it('reads every variable, the key from a file and Enterprise Server URLs', () => {
    const config = read(
      {
        ...BASE,
        PRIVATE_KEY: undefined,
        PRIVATE_KEY_PATH: '/run/secrets/key.pem',
        PORT: '8080',
        GITHUB_API_URL: 'https://ghe.example.com/api/v3/',
        SWEEP_INTERVAL: '0',
        ORG_POLICY: 'policies/release.yml@v2',
      },
      (path) => (path === '/run/secrets/key.pem' ? privateKey : noFile()),
    );
    expect(config).toMatchObject({
      port: 8080,
      apiUrl: 'https://ghe.example.com/api/v3',
      serverHost: 'ghe.example.com',
      sweepIntervalMinutes: 0,
      orgPolicy: { repo: 'policies', path: 'release.yml', ref: 'v2' },
    });
    expect(read({ ...BASE, ORG_POLICY: 'none' }).orgPolicy).toBeNull();
    // A key pasted into one line, its newlines written as \n.
    expect(read({ ...BASE, PRIVATE_KEY: privateKey.replace(/\n/g, '\\n') }).privateKey).toBe(privateKey);
  });

  it('names the variable in a one-line error', () => {
    expect(problem({ ...BASE, APP_ID: undefined })).toBe('APP_ID is not set');
    expect(problem({ ...BASE, APP_ID: 'my-app' })).toBe(
      `APP_ID is "my-app"; it must be the App's numeric id`,
    );
    expect(problem({ ...BASE, WEBHOOK_SECRET: ' ' })).toBe('WEBHOOK_SECRET is not set');
    expect(problem({ ...BASE, PRIVATE_KEY: undefined })).toBe(
      'PRIVATE_KEY is not set (nor PRIVATE_KEY_PATH)',
    );
    expect(problem({ ...BASE, PRIVATE_KEY_PATH: '/key.pem' })).toBe(
      'PRIVATE_KEY and PRIVATE_KEY_PATH are both set; set one',
    );
    expect(problem({ ...BASE, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: '/key.pem' })).toBe(
      'PRIVATE_KEY_PATH names "/key.pem", which cannot be read (ENOENT)',
    );
    expect(problem({ ...BASE, PRIVATE_KEY: 'hunter2' })).toBe(
      'PRIVATE_KEY is not a PEM private key (the .pem file GitHub gives for the App)',
    );
    expect(problem({ ...BASE, PORT: '80000' })).toBe(
      'PORT is "80000"; it must be a whole number from 0 to 65535',
    );
    expect(problem({ ...BASE, SWEEP_INTERVAL: '1.5' })).toContain('SWEEP_INTERVAL is "1.5"');
    expect(problem({ ...BASE, GITHUB_API_URL: 'api.github.com' })).toContain(
      'GITHUB_API_URL is "api.github.com"',
    );
    expect(problem({ ...BASE, ORG_POLICY: 'acme' })).toContain('ORG_POLICY is "acme"; it must be REPO/PATH');
  });
});

describe('the server log', () => {
  it('never writes a secret, a token, a JWT or a key', () => {
    const lines: string[] = [];
    const log = createServerLog({ out: (line) => lines.push(line), err: (line) => lines.push(line) }, [
      's3cret-value',
      privateKey,
    ]);
    log.info('secret s3cret-value');
    log.warning(`token ghs_${'a'.repeat(36)} and github_pat_${'b'.repeat(40)}`);
    log.error(`jwt eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjEyfQ.c2lnbmF0dXJl and ${privateKey}`);
    const text = lines.join('');
    expect(lines).toHaveLength(3);
    expect(text).not.toMatch(/s3cret|ghs_a|github_pat_b|eyJ|PRIVATE KEY|MII/);
    expect(text.match(/\[redacted\]/g)).toHaveLength(5);
  });
});
