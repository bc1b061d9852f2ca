import type { Command } from 'commander';
import { buildProgram } from '../src/cli/program.js';
import { COMMANDS } from '../src/cli/run-cli.js';
import { read } from './helpers/doc-pages.js';

// Issue 25: docs/cli.md documents every command and option the CLI accepts. The options are read
// from the same commander definitions the CLI parses with (and prints as --help), so an option added
// to a command fails here until docs/cli.md names it where it documents that command.
const program = buildProgram(
  { readText: () => Promise.resolve(''), out: () => undefined, err: () => undefined },
  COMMANDS,
  () => undefined,
);
const page = read('docs/cli.md');

/** What docs/cli.md says of a command: its rows of the table of commands, and any section named after it. */
function documentation(name: string): string {
  const code = `\`${name}\``;
  // `check` and `check --repo` (live) both document check.
  const names = new RegExp(`\`${name}[ \`]`);
  const rows = page
    .split('\n')
    .filter((line) => line.startsWith('| ') && names.test(line.split(' | ')[0] ?? ''));
  const sections = page
    .split(/^(?=## )/m)
    .filter((section) => (section.split('\n')[0] ?? '').includes(code) || section.startsWith(`## ${code}`));
  return [...rows, ...sections].join('\n');
}

const named = (text: string, flag: string) => new RegExp(`${flag}(?![\\w-])`).test(text);

describe('docs/cli.md', () => {
  it.each(program.commands.map((command): [string, Command] => [command.name(), command]))(
    'documents %s and every one of its options',
    (name, command) => {
      const text = documentation(name);
      expect(text).not.toBe('');
      const flags = command.options.map((option) => option.long ?? option.short ?? '');
      expect(flags.length).toBeGreaterThan(0);
      expect(flags.filter((flag) => !named(text, flag))).toEqual([]);
    },
  );

  it('names no option that the CLI does not take', () => {
    const known = new Set([
      '--help',
      // The mistyped option of the example error message.
      '--boddy',
      ...program.options.map((option) => option.long),
      ...program.commands.flatMap((command) => command.options.map((option) => option.long)),
    ]);
    const mentioned = [...new Set(page.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [])];
    expect(mentioned.filter((flag) => !known.has(flag))).toEqual([]);
  });

  it('documents the program-wide options', () => {
    for (const option of program.options) expect(named(page, option.long ?? '')).toBe(true);
  });
});
