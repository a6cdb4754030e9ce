import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Golden CLI scenarios (CONVENTIONS.md §8): each test/scenarios/<name>/ holds `command`, inputs,
// `stdout.txt`, `stderr.txt` and `status`. KUBEWARD_CLI points at the built CLI in CI.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scenarios = path.join(root, 'test/scenarios');
const cli = path.resolve(root, process.env.KUBEWARD_CLI ?? 'src/cli/main.ts');

/** Splits a command line on spaces, honouring single and double quotes. */
function splitArgs(line: string): string[] {
  const args: string[] = [];
  for (const match of line.trim().matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    args.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return args;
}

describe('CLI scenarios', () => {
  const names = readdirSync(scenarios).filter((n) =>
    existsSync(path.join(scenarios, n, 'command')),
  );
  it.each(names)('%s', async (name) => {
    const dir = path.join(scenarios, name);
    const stdinFile = path.join(dir, 'stdin');
    const run = spawnSync(
      process.execPath,
      [cli, ...splitArgs(readFileSync(path.join(dir, 'command'), 'utf8'))],
      {
        cwd: dir,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
        input: existsSync(stdinFile) ? readFileSync(stdinFile) : '',
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    await expect(run.stdout).toMatchFileSnapshot(path.join(dir, 'stdout.txt'));
    await expect(run.stderr).toMatchFileSnapshot(path.join(dir, 'stderr.txt'));
    await expect(`${run.status ?? 'signal'}\n`).toMatchFileSnapshot(path.join(dir, 'status'));
  });
});
