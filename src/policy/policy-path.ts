/** Where a repository keeps its policy: the action's `policy` input and the CLI's `--policy` default to it. */
export const DEFAULT_POLICY_PATH = '.github/checklist-gate.yml';
