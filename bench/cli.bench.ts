import { execSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'vitest';
import { REAL_CORPUS } from './corpus.ts';

// What a user waits for: the built CLI from process start to exit, startup included.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli/main.js');

function kubeward(...args: string[]): void {
  const run = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  // 0: clean, 1: findings at or above --fail-on; anything else is a failed run.
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`kubeward ${args.join(' ')}: ${run.stderr}`);
}

test('the built CLI, start to exit', { timeout: 600_000 }, async ({ bench }) => {
  // Built here, so that the bench measures the source as it is now.
  execSync('npm run build', { cwd: root, stdio: 'ignore' });
  await bench.compare(
    bench('node -e 0 (the runtime alone)', () => {
      spawnSync(process.execPath, ['-e', '0']);
    }),
    bench('kubeward --version', () => {
      kubeward('--version');
    }),
    bench('kubeward scan examples/insecure', () => {
      kubeward('scan', 'examples/insecure');
    }),
    bench('kubeward scan corpus/real (1,123 files, text report)', () => {
      kubeward('scan', REAL_CORPUS);
    }),
    { time: 0, iterations: 8, warmupIterations: 1 },
  );
});
