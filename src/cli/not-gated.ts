/** What check prints for a pull request or release the action would not gate ("Not gated: …"), exit 0. */
export function renderNotGated(description: string, format: 'text' | 'json' | 'markdown'): string {
  if (format === 'json')
    return JSON.stringify({ conclusion: 'skip', passed: true, summary: description }, null, 2) + '\n';
  return format === 'markdown' ? `### checklist-gate\n\n${description}\n` : `${description}\n`;
}
