/** A mistake in how the CLI was called: reported with the usage text, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: checklist-gate <command> [options]

Commands:
  check     Check a description's checklist against a policy.
              --body <file|->        the description (- reads standard input)   required
              --policy <file>        the policy; without it every task item is required
              --format text|json|markdown                                        default text
              --label <name>         a pull request label (repeatable)
              --path <file>          a changed file (repeatable); none given: path conditions hold
              --base <branch>        the base branch
              --event pull_request|release                                       default pull_request
            Exit status: 0 pass, 1 fail, 2 usage or policy error.
  validate  Check a policy file against the schema.
              --policy <file>
            Exit status: 0 valid, 2 invalid (each error with line:column on stderr).
  template  Print the pull-request template a policy implies.
              --policy <file>
  init      Write a ready checklist into this repository: .github/checklist-gate.yml,
            .github/PULL_REQUEST_TEMPLATE/release.md and .github/workflows/checklist-gate.yml.
              --checklist <name>     one of the folders of checklists/           default production-release
              --force                overwrite existing files
`;
