/** The lock on gate.pull-requests: a file laid over a base may gate more pull requests, never fewer. */
import type { RawPolicy } from './load-policy.js';
import type { Refuse } from './layer-types.js';
import type { LayeredPolicy } from './layer-types.js';

type RawSelector = NonNullable<NonNullable<RawPolicy['gate']>['pull-requests']>;

/**
 * Which pull requests are release pull requests, with a base: a local file may gate more of them
 * (more head branches or labels, a title where the base has none), never fewer. Without a
 * selector in the base every pull request is gated, so a local one would narrow it.
 */
export function widenSelector(base: LayeredPolicy, raw: RawPolicy, refuse: Refuse): RawSelector | undefined {
  const baseSelector = base.raw.gate?.['pull-requests'];
  const local = raw.gate?.['pull-requests'];
  const at = base.places.get('gate:pull-requests');
  if (local === undefined) return baseSelector;
  // Skipping authors is never widened: a local file may skip only authors its base skips.
  const allowed = (baseSelector?.['ignore-authors'] ?? []).map((login) => login.toLowerCase());
  const added = (local['ignore-authors'] ?? []).filter((login) => !allowed.includes(login.toLowerCase()));
  if (added.length > 0)
    refuse(
      ['gate', 'pull-requests', 'ignore-authors'],
      at,
      `gate.pull-requests.ignore-authors adds ${added.map((login) => `"${login}"`).join(', ')}, which the base policy does not skip; a policy may skip only the authors its base skips`,
    );
  const selects = (selector: RawSelector) =>
    selector['head-branches'] !== undefined || selector.labels !== undefined || selector.title !== undefined;
  if (baseSelector === undefined || !selects(baseSelector)) {
    if (selects(local))
      refuse(
        ['gate', 'pull-requests'],
        at,
        'gate.pull-requests would gate only some pull requests, but the base policy gates every pull request into a gated branch',
      );
    return added.length > 0 || selects(local) ? undefined : local;
  }
  for (const key of ['head-branches', 'labels'] as const) {
    const kept: readonly string[] = local[key] ?? [];
    const dropped = (baseSelector[key] ?? []).filter((entry) => !kept.includes(entry));
    if (dropped.length > 0)
      refuse(
        local[key] !== undefined ? ['gate', 'pull-requests', key] : ['gate', 'pull-requests'],
        at,
        `gate.pull-requests.${key} leaves out ${dropped.map((entry) => `"${entry}"`).join(', ')}, which the base policy gates; list them too`,
      );
  }
  if (baseSelector.title !== undefined && local.title !== baseSelector.title)
    refuse(
      local.title !== undefined ? ['gate', 'pull-requests', 'title'] : ['gate', 'pull-requests'],
      at,
      `gate.pull-requests.title must stay "${baseSelector.title}" as the base policy writes it: another pattern could gate fewer pull requests`,
    );
  return local;
}
