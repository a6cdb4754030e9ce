import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `kubeward … | head` closes the pipe before the output is written: the CLI stops quietly.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.resolve(root, process.env.KUBEWARD_CLI ?? 'src/cli/main.ts');

describe('CLI output to a closed pipe', () => {
  it('exits without a stack trace when the reader stops early', async () => {
    // `rules --format json` writes ~150 KB, more than a pipe holds.
    const child = spawn(process.execPath, [cli, 'rules', '--format', 'json'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => {
      child.stdout.destroy();
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});
