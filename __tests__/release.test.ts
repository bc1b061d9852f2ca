// The release process: CHANGELOG.md in Keep a Changelog form with a section for package.json's
// version, and the notes the release workflow publishes (.ci/release-notes.mjs).
import { readFileSync } from 'node:fs';
import { changelogSection, releaseNotes } from '../.ci/release-notes.mjs';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const CHANGELOG = read('CHANGELOG.md');
const VERSION = (JSON.parse(read('package.json')) as { version: string }).version;

describe('CHANGELOG.md', () => {
  it('keeps an Unreleased section, then dated versions, newest first, each with a link', () => {
    const headings = [...CHANGELOG.matchAll(/^## \[([^\]]+)\](.*)$/gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(headings[0]).toEqual(['Unreleased', '']);
    const versions = headings.slice(1);
    expect(versions.length).toBeGreaterThan(0);
    for (const [version, date] of versions) {
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(date).toMatch(/^ - \d{4}-\d{2}-\d{2}$/);
      expect(CHANGELOG).toContain(`\n[${version}]: `);
    }
    const order = versions.map(([version]) => version.split('.').map(Number));
    const sorted = [...order].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]! || b[2]! - a[2]!);
    expect(order).toEqual(sorted);
  });

  it("has notes for package.json's version, the one a tag would release", () => {
    expect(releaseNotes(`v${VERSION}`, CHANGELOG, VERSION).notes).toMatch(/\S/);
  });
});

describe('.ci/release-notes.mjs', () => {
  const changelog = [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '## [1.1.0] - 2027-01-02',
    '',
    '### Fixed',
    '',
    '- A fix.',
    '',
    '## [1.0.0] - 2026-12-07',
    '',
    '- First.',
    '',
    '## [0.9.0] - 2026-11-01',
    '',
    '[1.1.0]: https://example.com/1.1.0',
  ].join('\n');

  it("gives the version's section alone, without its heading or the next one", () => {
    expect(changelogSection(changelog, '1.1.0')).toBe('### Fixed\n\n- A fix.');
    expect(changelogSection(changelog, '1.0.0')).toBe('- First.');
    expect(releaseNotes('v1.1.0', changelog, '1.1.0')).toEqual({ notes: '### Fixed\n\n- A fix.\n' });
  });

  it('refuses a tag of another version than package.json, a pre-release, and a version without notes', () => {
    expect(releaseNotes('v1.1.0', changelog, '1.0.0').error).toContain('package.json says 1.0.0');
    expect(releaseNotes('v1.2.0-rc.1', changelog, '1.2.0-rc.1').error).toContain('is not a release tag');
    expect(releaseNotes('v1.2.0', changelog, '1.2.0').error).toContain('no section');
    expect(releaseNotes('v0.9.0', changelog, '0.9.0').error).toContain('is empty');
    // 1.1.0 is not read as 1.1.00 or 101.0 by a careless pattern.
    expect(changelogSection(changelog, '1.1.00')).toBeNull();
  });
});
