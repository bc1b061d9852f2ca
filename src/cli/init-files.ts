/** Where the ready checklists are, and how files are written: the parts of `init` that touch the disk. */
export interface InitFiles {
  checklistNames(): Promise<string[]>;
  /** The workflow files in DIR/.github/workflows/ (none when there is no such folder). */
  workflowFiles(dir: string): Promise<{ path: string; text: string }[]>;
  readChecklistFile(name: string, file: 'checklist-gate.yml' | 'release.md'): Promise<string>;
  /** The top of the git repository the command runs in; null outside one. */
  gitRoot(): Promise<string | null>;
  /** The address of the git remote `origin` of the repository in DIR; null when there is none. */
  originUrl(dir: string): Promise<string | null>;
  exists(path: string): Promise<boolean>;
  write(path: string, text: string): Promise<void>;
}
