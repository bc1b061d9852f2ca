/** Who may approve, in words and as a check against a login. */
import type { SignoffFacts } from './facts.js';

/** Approvers in words: "@alice, a member of @acme/qa or @bob". */
export function approverWords(approvers: string[]): string {
  const names = approvers.map((approver) =>
    approver.includes('/') ? `a member of @${approver}` : `@${approver}`,
  );
  return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
}

/** Whether a login is one of the approvers: named, or a member of a named team as read. */
export function approverTest(approvers: string[], signoffs: SignoffFacts): (login: string) => boolean {
  const members = (approver: string) => {
    const team = signoffs.teams.get(approver.toLowerCase());
    return team && 'members' in team ? team.members : null;
  };
  return (login) =>
    approvers.some((approver) =>
      approver.includes('/')
        ? (members(approver)?.includes(login.toLowerCase()) ?? false)
        : approver.toLowerCase() === login.toLowerCase(),
    );
}

/** Why the members of each team among the approvers could not be read; a silent pass is never the answer. */
export function unreadableTeams(approvers: string[], signoffs: SignoffFacts): string[] {
  return approvers
    .filter((approver) => approver.includes('/'))
    .flatMap((approver) => {
      const team = signoffs.teams.get(approver.toLowerCase());
      if (team && 'members' in team) return [];
      return [team && 'error' in team ? team.error : `the members of ${approver} were not read`];
    });
}
