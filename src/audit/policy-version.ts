/** One commit of the default branch that changed the policy file, and the policy it left. */
export interface PolicyVersion {
  sha: string;
  committedAt: string;
  /** The pull requests the commit belongs to. */
  pulls: number[];
  /** The file's text after the commit; null when the commit deleted it. */
  text: string | null;
}
