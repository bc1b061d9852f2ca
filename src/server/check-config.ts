/** `serve --check-config`: the App's configuration checked against GitHub. */
import { baseLabel } from '../policy/base-reference.js';
import { resolvePolicy } from '../policy/resolve-policy.js';
import type { ServerConfig } from './config.js';
import type { GateApp } from './gate-app.js';

/**
 * `serve --check-config`: the App's credentials against GitHub (its installations listed with a
 * JWT), and each installation's organisation policy read with its token and validated. Returns
 * the lines to print and whether everything holds.
 */
export async function checkConfig(
  config: ServerConfig,
  app: GateApp,
): Promise<{ ok: boolean; lines: string[] }> {
  const lines = [
    `App ${config.appId} on ${config.apiUrl}; webhooks at :${config.port}/api/github/webhooks; ` +
      `sweep ${config.sweepIntervalMinutes === 0 ? 'off' : `every ${config.sweepIntervalMinutes} min`}; ` +
      `organisation policy ${config.orgPolicy === null ? 'none' : orgPolicyText(config)}`,
  ];
  let installations;
  try {
    installations = await app.installations();
  } catch (error) {
    lines.push(
      `error: cannot list the App's installations with APP_ID and the private key: ${(error as Error).message}`,
    );
    return { ok: false, lines };
  }
  lines.push(`${installations.length} installation(s)`);
  let ok = true;
  for (const installation of installations) {
    const base = app.orgPolicyOf(installation.account);
    const head = `${installation.account} (installation ${installation.id}, ${installation.repositories.length} repositories)`;
    if (base === null) {
      lines.push(`${head}: no organisation policy`);
      continue;
    }
    const label = baseLabel(base);
    try {
      const answer = await app.readPolicy(installation.id, base);
      if (!answer.ok) {
        // The gate fails closed on every repository of the account until this is fixed.
        ok = false;
        lines.push(
          `error: ${head}: ${label} cannot be read (${answer.status}): every pull request of ${installation.account} gets an error verdict. ` +
            'Create it, give the App contents: read on that repository, or set ORG_POLICY (none: no organisation policy)',
        );
        continue;
      }
      const load = await resolvePolicy(answer.text, label, {
        readBase: (next) => app.readPolicy(installation.id, next),
        access: (next) => `install the App on ${next.owner}/${next.repo} (contents: read)`,
      });
      if (load.ok) lines.push(`${head}: ${label} is valid`);
      else {
        ok = false;
        for (const problem of load.errors)
          lines.push(
            `error: ${problem.file}${problem.line === null ? '' : `:${problem.line}`}: ${problem.message}`,
          );
      }
    } catch (error) {
      ok = false;
      lines.push(`error: ${head}: ${label} could not be read: ${(error as Error).message}`);
    }
  }
  return { ok, lines };
}

function orgPolicyText(config: ServerConfig): string {
  const where = config.orgPolicy;
  return where === null ? 'none' : `${where.repo}/${where.path}${where.ref === null ? '' : `@${where.ref}`}`;
}
