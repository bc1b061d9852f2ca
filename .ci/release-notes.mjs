// Prints the release notes of a version tag: its section of CHANGELOG.md. Fails (exit 1) when the
// tag is not vMAJOR.MINOR.PATCH, names another version than package.json, or has no section or an
// empty one, so that a release is never published without notes or under the wrong version.
//   node .ci/release-notes.mjs v1.4.2 > notes.md
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The body of the changelog's section for this version, without its heading; null when it has none. */
export function changelogSection(changelog, version) {
  const lines = changelog.split('\n');
  const heading = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\](?: - \\d{4}-\\d{2}-\\d{2})?\\s*$`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return null;
  const length = lines.slice(start + 1).findIndex((line) => /^## /.test(line) || /^\[[^\]]+\]: /.test(line));
  const body = lines.slice(start + 1, length < 0 ? undefined : start + 1 + length);
  return body.join('\n').trim();
}

/** The notes for a tag, or the reason there can be none. */
export function releaseNotes(tag, changelog, packageVersion) {
  const match = /^v(\d+\.\d+\.\d+)$/.exec(tag);
  if (!match) return { error: `"${tag}" is not a release tag vMAJOR.MINOR.PATCH` };
  const version = match[1];
  if (version !== packageVersion)
    return {
      error: `the tag ${tag} names ${version}, but package.json says ${packageVersion}; set its version first`,
    };
  const section = changelogSection(changelog, version);
  if (section === null) return { error: `CHANGELOG.md has no section "## [${version}] - YYYY-MM-DD"` };
  if (section === '') return { error: `CHANGELOG.md's section for ${version} is empty` };
  return { notes: `${section}\n` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../', import.meta.url);
  const read = (path) => readFileSync(new URL(path, root), 'utf8');
  const result = releaseNotes(
    process.argv[2] ?? '',
    read('CHANGELOG.md'),
    JSON.parse(read('package.json')).version,
  );
  if (result.error) {
    console.error(`release-notes: ${result.error}`);
    process.exit(1);
  }
  process.stdout.write(result.notes);
}
