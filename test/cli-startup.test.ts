import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Each command loads only what it needs: loading every command's dependencies (the Kubernetes
// client, x509, the webhook server, metrics) made even `kubeward --version` take over a second.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.resolve(root, process.env.KUBEWARD_CLI ?? 'src/cli/main.ts');
const recorder = path.join(root, 'test/helpers/record-modules.ts');

function packagesLoaded(args: string[]): Set<string> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'kubeward-modules-')), 'modules.txt');
  const run = spawnSync(process.execPath, ['--import', recorder, cli, ...args], {
    cwd: root,
    env: { ...process.env, KUBEWARD_MODULES_OUT: out },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr).toBe('');
  const packages = new Set<string>();
  for (const url of readFileSync(out, 'utf8').split('\n')) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (match?.[1] !== undefined) packages.add(match[1]);
  }
  return packages;
}

const HEAVY = [
  '@kubernetes/client-node',
  '@peculiar/x509',
  'hono',
  'prom-client',
  'undici',
  'ws',
  '@marcbachmann/cel-js',
  'ajv',
  'yaml',
];

describe('CLI startup', () => {
  it('prints its version without loading any dependency', () => {
    expect([...packagesLoaded(['--version'])]).toEqual([]);
  });

  it('scans block YAML without the cluster client, x509, webhook, metrics, CEL, ajv or yaml', () => {
    const loaded = packagesLoaded(['scan', 'examples/fixed', '--format', 'json']);
    expect(loaded.has('js-yaml')).toBe(true);
    expect(HEAVY.filter((name) => loaded.has(name))).toEqual([]);
  });
});
