/** A mistake in how the CLI was called: reported with the usage text, exit code 2. */
export class UsageError extends Error {}

/** Commands that read a policy, and so the bases it extends. */
const READS_BASES = ['check', 'validate', 'template'];

/** Their options for a policy that extends a base. */
const BASE_OPTIONS = `              --base-policy <file>   stands in for the base the policy extends, offline (repeat for
                                     each level of a chain, nearest first)
              --api-url <url>        the GitHub API for reading bases; default $GITHUB_API_URL or
                                     https://api.github.com. A token in $GITHUB_TOKEN or $GH_TOKEN
                                     reads them when no --base-policy is given.
`;

/** Each command's usage, as `checklist-gate help <command>` prints it. */
export const COMMAND_USAGE: Record<string, string> = {
  check: `  check     Check a description's checklist against a policy.
              --body <file|->        the description (- reads standard input)   required
              --policy <file>        the policy; without it every task item is required
              --format text|json|markdown                                        default text
              --label <name>         a pull request label (repeatable)
              --path <file>          a changed file (repeatable); none given: path conditions hold
              --base <branch>        the base branch
              --event pull_request|release                                       default pull_request
            Or a live pull request or release, read from GitHub as the action reads it (nothing is written):
              --repo OWNER/REPO      with --pr <number> or --release <tag>; token in $GITHUB_TOKEN or $GH_TOKEN
              --policy <file>        here: a local policy in place of the base branch's
              --api-url <url>        default $GITHUB_API_URL or https://api.github.com
            Exit status: 0 pass, 1 fail, 2 usage, policy or API error.
`,
  validate: `  validate  Check a policy file against the schema, and the bases it extends against their locks;
            warn about sign-off items that name no approvers.
              --policy <file>        default .github/checklist-gate.yml
            Exit status: 0 valid, 2 invalid (each error with file:line:column on stderr).
`,
  template: `  template  Print the pull-request template a policy implies.
              --policy <file>        default .github/checklist-gate.yml
`,
  init: `  init      Write a ready checklist at the top of the git repository it runs in:
            .github/checklist-gate.yml, .github/PULL_REQUEST_TEMPLATE/release.md and
            .github/workflows/checklist-gate.yml.
              --checklist <name>     one of the folders of checklists/           default production-release
              --dir <folder>         write there instead; needed outside a git repository
              --force                overwrite existing files
`,
  audit: `  audit     Which merged pull requests and published releases went out with the gate passed, bypassed,
            excepted, or passed by another identity. Only reads; token in $GITHUB_TOKEN or $GH_TOKEN.
              --repo OWNER/REPO | --org ORG          one repository, or every one the token can read
              --since DATE|Nd        such as 2026-07-01 or 90d                        required
              --until DATE|Nd        default now
              --branch <glob>        these branches are gated (repeatable); default: each repository's
                                     policy at the time of each merge
              --gate-identity LOGIN  whose statuses and check runs are the gate's   default github-actions[bot]
              --check-name <name>    the gate's status context and check name      default checklist-gate
              --policy <path>        the policy's path in each repository   default .github/checklist-gate.yml
              --format table|markdown|csv|json|html                                 default table
              --only <class>         passed, bypassed, foreign, exception or policy-changed (repeatable)
              --api-url <url>        default $GITHUB_API_URL or https://api.github.com
            Exit status: 0 nothing bypassed or foreign, 1 something was, 2 usage or API error.
`,
};

export const USAGE = `Usage: checklist-gate <command> [options]

Commands:
${Object.values(COMMAND_USAGE).join('')}
  With a policy that extends a base, check, validate and template also take:
${BASE_OPTIONS}
  checklist-gate help <command>   one command's options
  checklist-gate --version        the version of checklist-gate
`;

/** One command's usage, with the line that introduces it. */
export function commandUsage(name: string): string {
  const bases = READS_BASES.includes(name)
    ? `            With a policy that extends a base:\n${BASE_OPTIONS}`
    : '';
  return `Usage: checklist-gate ${name} [options]\n\n${COMMAND_USAGE[name] ?? ''}${bases}`;
}
