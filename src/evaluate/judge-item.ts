/** One task item judged: ticked, with its evidence, signed by the right people; its fix when it fails. */
import type { TaskItem } from '../checklist/task-item.js';
import type { EvidenceRule, ItemRule } from '../policy/policy.js';
import type { ReportItem } from './report.js';
import { evidenceWords, STRUCK_OPEN_FIX, STRUCK_OPEN_PROBLEM, struckTickedNote, TICK_FIX } from './advice.js';
import { approverTest, approverWords, unreadableTeams } from './approvers.js';
import { checkEvidence, type RejectedLink } from './evidence.js';
import type { EvidenceFacts, LinkFacts, SignoffFacts } from './facts.js';
import { closerRefusal, verifiedRun, workflowRefusal, type VerifiedRun } from './evidence-origin.js';
import { countTargets, LINK_WORDS, readGitHubLink, type GitHubLink } from './github-link.js';
import { withScheme } from './schemeless-link.js';
import { trailingMiss } from './trailing-miss.js';
import { markdownToPlainText } from '../checklist/parse.js';
import { matchKey } from '../checklist/plain-text.js';

export type ItemVerdict = Pick<ReportItem, 'status' | 'problems' | 'fix' | 'evidence' | 'runs'>;

/** What the evaluator knows beyond the description, for judging evidence and sign-offs. */
export interface JudgeFacts {
  evidence: EvidenceFacts | null;
  signoffs: SignoffFacts | null;
  /** Who ticked an item (by index) in the edit that triggered this run. */
  tickedBy: Map<number, string>;
  notes: string[];
}

/** Whether a task item satisfies what is asked of it: ticked, with its evidence, signed by the right people. */
export function judgeItem(
  item: TaskItem,
  required: boolean,
  rule: ItemRule | null,
  facts: JudgeFacts,
): ItemVerdict {
  const evidence = rule?.evidence ?? null;
  if (!item.checked) {
    if (!required) return { status: 'optional', problems: [], fix: null };
    if (item.struck === true)
      return { status: 'unchecked', problems: ['not ticked', STRUCK_OPEN_PROBLEM], fix: STRUCK_OPEN_FIX };
    return { status: 'unchecked', problems: ['not ticked'], fix: tickFix(evidence, rule?.approvers ?? null) };
  }
  const struck = item.struck === true ? struckTickedNote(item) : null;
  if (struck !== null && !facts.notes.includes(struck)) facts.notes.push(struck);
  const name = rule?.id ?? `"${item.textWithoutLinks}"`;
  const missed = rule ? missedLink(item, rule, evidence) : null;
  if (missed !== null) return required ? missed : { ...missed, status: 'optional' };
  const judged = evidence ? judgeEvidence(item, evidence, facts, name) : null;
  const verdict =
    judged?.verdict ?? (rule?.approvers ? judgeSignoff(item, rule.approvers, facts, name) : null);
  // The links that counted are shown with the item, whatever else it lacks.
  const shown =
    judged !== null && judged.good.length > 0
      ? { evidence: judged.good, ...(judged.runs.length > 0 && { runs: judged.runs }) }
      : {};
  if (!verdict) return { status: 'ok', problems: [], fix: null, ...shown };
  return required ? { ...verdict, ...shown } : { ...verdict, status: 'optional', ...shown };
}

function tickFix(evidence: EvidenceRule | null, approvers: string[] | null): string {
  const tick =
    evidence && evidence.min > 0 ? `Tick the box and add ${evidenceWords(evidence)} to the item.` : TICK_FIX;
  return approvers
    ? `${tick} It counts once ${approverWords(approvers)} approves the pull request or ticks it.`
    : tick;
}

function judgeEvidence(
  item: TaskItem,
  evidence: EvidenceRule,
  facts: JudgeFacts,
  name: string,
): { verdict: ItemVerdict | null; good: string[]; runs: VerifiedRun[] } {
  const { accepted, rejected } = checkEvidence(item.links, evidence);
  const verified = evidence.verify
    ? verifyLinks(accepted, evidence, facts, name)
    : { good: accepted, refused: [], runs: [] };
  const refused = [...rejected, ...verified.refused];
  // Distinct targets count, not spellings: runs/101 and runs/0101 are one run.
  const count = countTargets(verified.good);
  const { good, runs } = verified;
  if (count >= evidence.min) return { verdict: null, good, runs };
  const words = evidenceWords(evidence);
  if (refused.length > 0) {
    const verdict: ItemVerdict = {
      status: 'bad-evidence',
      problems: refused.map(
        (link) => `${link.url.trim() === '' ? 'an empty link' : link.url} is not accepted: ${link.reason}`,
      ),
      fix: schemeFix(refused.map((link) => link.url)) ?? `Replace the link with ${words}.`,
    };
    return { verdict, good, runs };
  }
  const links = verified.good.length;
  const spread =
    links > count ? `${links} acceptable links, to ${count} distinct target${count === 1 ? '' : 's'}` : null;
  const verdict: ItemVerdict = {
    status: 'no-evidence',
    problems: [
      count === 0
        ? `ticked without evidence: needs ${words}`
        : `ticked with ${spread ?? `${count} acceptable link${count === 1 ? '' : 's'}`}: needs ${words}`,
    ],
    fix:
      (count === 0 ? schemelessFix(item.text) : null) ??
      `Add ${words} on the item's line or in a bullet under it.`,
  };
  return { verdict, good, runs };
}

/**
 * An item that ends where its link belongs with no link GitHub draws (an address without its
 * scheme, or a placeholder), matched to its rule by the text before it: it fails as that item,
 * with the one thing to change, whether or not the rule asks for evidence.
 */
function missedLink(item: TaskItem, rule: ItemRule, evidence: EvidenceRule | null): ItemVerdict | null {
  if (item.links.length > 0 || rule.text === null) return null;
  const miss = trailingMiss(item.text);
  if (miss === null || matchKey(miss.before) !== matchKey(markdownToPlainText(rule.text))) return null;
  // With an evidence rule, the address is judged as evidence: "ticked without evidence", and the fix below.
  if (miss.address !== null)
    return evidence
      ? null
      : {
          status: 'bad-evidence',
          problems: [`${miss.word} is no link: without https:// GitHub draws none`],
          fix: plainAddressFix(miss.word),
        };
  const link = evidence ? evidenceWords(evidence).replace(/^a link/, 'the link') : 'the link it stands for';
  return {
    status: evidence ? 'no-evidence' : 'bad-evidence',
    problems: [`ends with ${miss.word}, a placeholder where a link belongs`],
    fix: `Replace ${miss.word} with ${link}.`,
  };
}

/** A web address written as plain text (no scheme, so GitHub draws no link): the scheme to add. */
function plainAddressFix(text: string): string {
  return schemelessFix(text) ?? `Add "https://" in front of ${text}.`;
}

function schemelessFix(text: string): string | null {
  const word = text.split(/\s+/).find((each) => withScheme(each.replace(/[.,;:)]+$/, '')) !== null);
  if (word === undefined) return null;
  const address = word.replace(/[.,;:)]+$/, '');
  return `Add "https://" in front of ${address}: without it GitHub draws no link, so it is no evidence.`;
}

/** When every refused link only lacks its scheme: the one thing to change. */
function schemeFix(urls: string[]): string | null {
  const fixed = urls.map(withScheme);
  if (fixed.some((url) => url === null)) return null;
  return `Add "https://" in front of the link: ${fixed.join(', ')}.`;
}

/**
 * Checks each acceptable link against what the API said of it. A link that is not a verifiable
 * GitHub object on the host is refused: verify asks for proof, and such a link proves nothing.
 */
function verifyLinks(
  urls: string[],
  evidence: EvidenceRule,
  facts: JudgeFacts,
  name: string,
): { good: string[]; refused: RejectedLink[]; runs: VerifiedRun[] } {
  if (facts.evidence === null) {
    if (urls.length > 0)
      facts.notes.push(`${name}: its links were not verified; the CLI does not call the GitHub API.`);
    return { good: urls, refused: [], runs: [] };
  }
  const { host, links, maxLinks } = facts.evidence;
  const result: { good: string[]; refused: RejectedLink[]; runs: VerifiedRun[] } = {
    good: [],
    refused: [],
    runs: [],
  };
  const teams = facts.signoffs?.teams ?? new Map();
  const isMember = (team: string, login: string): boolean | string => {
    const read = teams.get(team);
    if (read === undefined) return `the members of ${team} were not read`;
    return 'members' in read ? read.members.includes(login) : read.error;
  };
  for (const url of urls) {
    const reading = readGitHubLink(url, host);
    if (!reading.ok) {
      result.refused.push({ url, reason: `${reading.reason}, so it cannot be verified` });
      continue;
    }
    const link = reading.link;
    const found = links.get(link.key);
    const reason =
      foreignRun(link, evidence, facts.evidence) ??
      (found === undefined
        ? `not verified: one evaluation verifies at most ${maxLinks} distinct link${maxLinks === 1 ? '' : 's'}`
        : refusal(link, found, evidence, facts.evidence, isMember));
    if (reason !== null) {
      result.refused.push({ url, reason });
      continue;
    }
    result.good.push(url);
    const run =
      found?.found && (found.kind === 'run' || found.kind === 'job')
        ? verifiedRun(url, link, found, facts.evidence)
        : null;
    if (run) result.runs.push(run);
  }
  return result;
}

/**
 * With same-commit, a run proves the commit only in the repository under review, or in one the
 * rule names: a green run of the same commit in a scratch fork proves nothing about this one's CI.
 */
function foreignRun(link: GitHubLink, evidence: EvidenceRule, facts: EvidenceFacts): string | null {
  if (!evidence.sameCommit || (link.kind !== 'run' && link.kind !== 'job' && link.kind !== 'check-run'))
    return null;
  const name = `${link.owner}/${link.repo}`.toLowerCase();
  if (name === facts.repository.toLowerCase() || evidence.repositories.includes(name)) return null;
  return `${link.label} is in ${link.owner}/${link.repo}, not in the repository under review (${facts.repository}); name other repositories in evidence.repositories`;
}

/** Why the linked thing does not show what the item claims, or null when it does. */
function refusal(
  link: GitHubLink,
  facts: LinkFacts,
  rule: EvidenceRule,
  evidence: EvidenceFacts,
  isMember: (team: string, login: string) => boolean | string,
): string | null {
  const { sameCommit } = rule;
  const { commit } = evidence;
  const place = `${link.label} in ${link.owner}/${link.repo}`;
  if (!facts.found) {
    if (facts.reason === 'not-found')
      return `no such ${LINK_WORDS[link.kind]} (${place}), or this token cannot read that repository`;
    if (facts.reason === 'unreadable')
      return `${place} cannot be read with this token, so it is unverifiable`;
    return `${place} could not be checked: ${facts.detail}`;
  }
  switch (facts.kind) {
    case 'run':
    case 'job':
    case 'check-run':
      if (facts.status !== 'completed') return `${link.label} has not completed (it is ${facts.status})`;
      if (facts.conclusion !== 'success')
        return `${link.label} concluded ${facts.conclusion ?? 'without a conclusion'}`;
      if (sameCommit && commit === null)
        return `${link.label} cannot be matched to a commit: no commit is under review here`;
      if (sameCommit && commit !== null && facts.headSha.toLowerCase() !== commit.toLowerCase()) {
        return `${link.label} ran on ${facts.headSha.slice(0, 7)}, not on the commit under review (${commit.slice(0, 7)})`;
      }
      return workflowRefusal(link, facts, rule.workflows, evidence);
    case 'pull':
      if (!facts.merged) return `${link.label} is not merged`;
      return closerRefusal(link, facts.mergedBy ?? null, rule.closedBy, evidence, isMember);
    case 'issue':
      if (facts.pullRequestMerged === false) return `${link.label} is a pull request that is not merged`;
      if (facts.pullRequestMerged === null && facts.state !== 'closed') return `${link.label} is still open`;
      // Issues closed before GitHub recorded a reason have none; closed counts as completed for them.
      if (facts.pullRequestMerged === null && facts.stateReason !== null && facts.stateReason !== 'completed')
        return `${link.label} was closed as ${facts.stateReason.replace(/_/g, ' ')}, not as completed`;
      return closerRefusal(link, facts.closedBy ?? null, rule.closedBy, evidence, isMember);
    case 'commit':
      return null;
    case 'release':
      return facts.draft ? `${link.label} is a draft, not published` : null;
  }
}

/**
 * A ticked item with approvers passes when one of them vouched for it: an approving review on the
 * current head commit, or the edit that ticked it was theirs.
 */
function judgeSignoff(
  item: TaskItem,
  approvers: string[],
  facts: JudgeFacts,
  name: string,
): ItemVerdict | null {
  if (facts.signoffs === null) {
    facts.notes.push(`${name}: its approvers were not checked; the CLI does not call the GitHub API.`);
    return null;
  }
  const isApprover = approverTest(approvers, facts.signoffs);
  const ticker = facts.tickedBy.get(item.index) ?? null;
  if (facts.signoffs.approvedBy.some(isApprover) || (ticker !== null && isApprover(ticker))) return null;
  const unreadable = unreadableTeams(approvers, facts.signoffs);
  return {
    status: 'unapproved',
    problems: [
      ticker !== null
        ? `ticked by @${ticker}, who is not an approver`
        : `no approval from ${approverWords(approvers)}`,
      ...unreadable,
    ],
    fix: `Ask ${approverWords(approvers)} to approve the pull request (a review on its current head commit), or to tick the box themselves.`,
  };
}
