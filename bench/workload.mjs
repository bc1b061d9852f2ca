// The engine benchmark's input: a description of GitHub's maximum size (65,536 characters) with
// about 1,000 nested task items carrying links, and a policy of 200 items.

const SECTIONS = [
  'Security',
  'Database',
  'Model',
  'Application',
  'Monitoring',
  'Testing',
  'Documentation',
  'Operations',
];

export function policyText(items = 200) {
  const lines = [
    'version: 1',
    'unlisted: optional',
    'sections:',
    '  - heading: Operations',
    '    require: any',
    'items:',
  ];
  for (let index = 0; index < items; index++) {
    lines.push(
      `  - id: item-${index}`,
      `    text: Release step ${index} verified`,
      `    section: ${SECTIONS[index % SECTIONS.length]}`,
    );
    if (index % 3 === 0)
      lines.push('    evidence:', "      allow: ['https://github.com/*/*/actions/runs/*']");
    if (index % 10 === 0) lines.push('    when:', '      labels: [database]');
  }
  return `${lines.join('\n')}\n`;
}

/** A description of about `size` characters: nested task items under headings, every third with a link. */
export function description(size) {
  const lines = ['# Release checklist', ''];
  let length = 0;
  let index = 0;
  while (length < size - 200) {
    if (index % 125 === 0) lines.push('', `## ${SECTIONS[(index / 125) % SECTIONS.length]}`, '');
    const depth = index % 4 === 3 ? 1 : 0;
    const link = index % 3 === 0 ? ` [run](https://github.com/acme/app/actions/runs/${1000 + index})` : '';
    const line = `${'  '.repeat(depth)}- [${index % 5 === 0 ? ' ' : 'x'}] Release step ${index % 250} verified${link}`;
    lines.push(line);
    length += line.length + 1;
    index++;
  }
  return lines.join('\n').slice(0, size);
}

/** Inputs of GitHub's maximum size (65,536 characters) built to make a parser work hard. */
export function pathological(size = 65536) {
  const fill = (unit) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const nested = [];
  const stairs = [];
  // One level deeper on every line, as deep as the size allows; and 100 levels deep (the parser's
  // limit), again and again.
  for (let depth = 0, length = 0; length < size; depth++) {
    const line = `${'  '.repeat(depth)}- [ ] x`;
    nested.push(line);
    length += line.length + 1;
  }
  for (let depth = 0, length = 0; length < size; depth++) {
    const line = `${'  '.repeat(depth % 100)}- [ ] x`;
    stairs.push(line);
    length += line.length + 1;
  }
  return {
    'unclosed brackets': fill('- [x] ['),
    backticks: fill('`` ` ``` '),
    'unclosed HTML comments': fill('<!-- - [x] a\n'),
    'a list nested one level deeper on every line': nested.join('\n').slice(0, size),
    'lists nested 100 levels deep, one after another': stairs.join('\n').slice(0, size),
    'emphasis runs': fill('*_*_**__'),
    'one 65,536-character item': `- [x] ${'word '.repeat(size / 5)}`.slice(0, size),
    'a run of |': `- [x] a\n${fill('|')}`.slice(0, size),
    'a run of ~': `- [x] a ${fill('~')}`.slice(0, size),
    'a run of www.': `- [x] a ${fill('www.')}`.slice(0, size),
    'a run of [': `- [x] a ${fill('[')}`.slice(0, size),
    // Runs that make linkify-it's own search quadratic, and footnote references.
    'a run of https://x.org/(': `- [x] a ${fill('https://x.org/(')}`.slice(0, size),
    'a run of e-mail addresses': `- [x] a ${fill('ops@acme.com ')}`.slice(0, size),
    'a run of links': `- [x] a ${fill('https://x.org/a ')}`.slice(0, size),
    'a run of [^': `- [x] a ${fill('[^')}`.slice(0, size),
    'a run of footnote references': `- [x] a ${fill('[^1]')}\n\n[^1]: note\n`.slice(-size),
    // Items holding only their check, which the parser reads from rewritten text (empty-checks.ts).
    'items holding only their check, each after a paragraph line and before an indented item': fill(
      'text\n- [x] \n\n  - [ ] item\n',
    ),
    'items holding only their check, each before a blank line and an indented item':
      fill('- [x] \n\n  - [ ] item\n'),
    'items holding only their check, each before a lazy line': fill('- [x] \nmore\n'),
    'boxes borrowed from lazy quoted lines': fill('- a\n  > b\n      - [ ] lazy\n'),
    // Raw HTML read by cmark-gfm's rules (gfm-parser.ts): openers without their end, whose failed
    // searches commonmark's and cmark-gfm's own rules repeat at every "<", and tags on lazy lines.
    'a run of <?': `- [x] a ${fill('<?')}`.slice(0, size),
    'a run of <!A ': `- [x] a ${fill('<!A ')}`.slice(0, size),
    'a run of <![CDATA[': `- [x] a ${fill('<![CDATA[')}`.slice(0, size),
    'a run of <!--': `- [x] a ${fill('<!-- ')}`.slice(0, size),
    'tags alone on lazy lines after items': fill('- [ ] a\n<br>\n'),
  };
}
