import { readFile } from 'node:fs/promises';
import { runCli } from './cli/run-cli.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

process.exitCode = await runCli(process.argv.slice(2), {
  readText: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
