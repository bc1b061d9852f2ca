import { loadPolicy, type PolicyLoad } from '../policy/load-policy.js';
import type { CliIO } from './cli-io.js';

/** Reads and loads a policy file; an unreadable file is a policy error like any other. */
export async function readPolicy(io: CliIO, path: string): Promise<PolicyLoad> {
  let text: string;
  try {
    text = await io.readText(path);
  } catch (error) {
    return {
      ok: false,
      errors: [
        {
          file: path,
          line: null,
          column: null,
          message: `cannot read the policy: ${(error as Error).message}`,
        },
      ],
    };
  }
  return loadPolicy(text, path);
}

export function formatPolicyErrors(
  errors: { file: string | null; line: number | null; column: number | null; message: string }[],
): string {
  return errors
    .map(
      (error) =>
        `${[error.file, error.line, error.column].filter((part) => part !== null).join(':')}: ${error.message}\n`,
    )
    .join('');
}
