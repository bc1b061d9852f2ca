/** The YAML parser's words, said plainly: what is wrong and what to write instead. */
const PLAIN: { parser: RegExp; plain: string }[] = [
  {
    parser: /^(Sequence item without - indicator|All sequence items must start at the same column)/,
    plain: 'a list item must start with `- ` at the same indentation as the items before it.',
  },
  {
    parser: /^All mapping items must start at the same column/,
    plain: 'the keys of one mapping must start at the same column: indent this key as the keys above it.',
  },
  {
    parser: /^Tabs are not allowed as indentation/,
    plain: 'a tab indents this line; YAML allows only spaces for indentation.',
  },
  {
    parser: /^Missing closing "?quote|^Missing closing '?quote/,
    plain: 'a quoted value is not closed: end it with the quote it starts with, on the same line.',
  },
  {
    parser: /^Flow sequence in block collection/,
    plain: 'a list written [a, b] is not closed: end it with ] (or write one `- ` item per line).',
  },
  {
    parser: /^Flow map in block collection/,
    plain: 'a mapping written {a: b} is not closed: end it with }.',
  },
  {
    parser: /^Nested mappings are not allowed in compact mappings/,
    plain: 'a value holds ": ", which YAML reads as another key: put the value in quotes.',
  },
  {
    parser: /^Plain value cannot start with reserved character (.)/,
    plain: 'a value starts with a character YAML reserves: put the value in quotes.',
  },
  {
    parser: /^Unexpected scalar at node end/,
    plain:
      'text follows a value on the same line: put the whole value in quotes, or move the text to its own line.',
  },
  {
    parser: /^Source contains multiple documents/,
    plain: 'a line "---" starts a second YAML document, and a policy is one document: remove the "---".',
  },
];

/** "not valid YAML: <a plain sentence>", or the parser's own words when there is no plainer way to say it. */
export function yamlErrorMessage(parserMessage: string): string {
  const first = parserMessage.split('\n')[0] ?? parserMessage;
  const known = PLAIN.find((entry) => entry.parser.test(first));
  return `not valid YAML: ${known ? known.plain : first}`;
}
