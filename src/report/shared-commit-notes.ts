/**
 * What the comment says when the verdict posted on a commit is not the pull request's own: the
 * commit is shared with a release, a merge group or another pull request, and the strictest
 * verdict of them all is posted.
 */
export type ReportAs = 'status' | 'check-run' | 'both';

/** What the gate posts, in words: "status", "check run", or both. */
export function postedKinds(reportAs: ReportAs): string {
  return reportAs === 'both' ? 'status and check run' : reportAs === 'check-run' ? 'check run' : 'status';
}

function posted(checkName: string, reportAs: ReportAs, where: string): string {
  const show = reportAs === 'both' ? 'show' : 'shows';
  return `The \`${checkName}\` ${postedKinds(reportAs)} on ${where} ${show}`;
}

/** A release's tag points at the commit, and its verdict is the strictest. */
export function releaseVerdictNote(
  checkName: string,
  reportAs: ReportAs,
  sha: string,
  release: string,
): string {
  return (
    `${posted(checkName, reportAs, sha.slice(0, 7))} the verdict of release ${release}, whose tag points at this commit: ` +
    "the strictest verdict of the commit's open pull requests and its release is posted."
  );
}

/** A merge group's commit holds pull requests queued ahead, one of whose verdicts is the strictest. */
export function mergeGroupNote(
  checkName: string,
  reportAs: ReportAs,
  sha: string,
  number: number | null,
): string {
  return (
    `${posted(checkName, reportAs, `the merge group ${sha.slice(0, 7)}`)} #${number}'s verdict: ` +
    'the group holds every pull request queued ahead of this one, and the strictest verdict of its pull requests is posted.'
  );
}

/** Another open pull request has the same head commit, and its verdict is the strictest. */
export function sharedHeadNote(
  checkName: string,
  reportAs: ReportAs,
  sha: string,
  number: number | null,
): string {
  const both = reportAs === 'both';
  return (
    `${posted(checkName, reportAs, sha.slice(0, 7))} #${number}'s verdict: ` +
    `that pull request has the same head commit, and ${both ? 'both belong' : `a ${postedKinds(reportAs)} belongs`} to the commit, so the strictest verdict of its open pull requests is posted.`
  );
}

/** An open pull request has the release's commit as its head, and its verdict is the strictest. */
export function releaseSharedHeadNote(
  checkName: string,
  reportAs: ReportAs,
  sha: string,
  number: number,
): string {
  return (
    `${posted(checkName, reportAs, sha.slice(0, 7))} #${number}'s verdict: ` +
    "that open pull request has the release's commit as its head, so the strictest verdict of the release and its open pull requests is posted."
  );
}
