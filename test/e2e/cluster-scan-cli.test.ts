// `kubeward cluster scan` and `cluster pss` as a user runs them: the CLI in a child process
// (or the built one, with KUBEWARD_CLI), against the test API server and against servers that
// refuse connections or never answer. Exit codes, where output goes, and that nothing hangs.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { kubeRequest } from './kube-request.ts';
import { createNamespace, expectStatus } from './helpers/objects.ts';

const cluster = inject('kubeCluster');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = resolve(ROOT, process.env.KUBEWARD_CLI ?? 'src/cli/main.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

function kubeward(args: string[]): Promise<Run> {
  const started = Date.now();
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        done({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

/** A kubeconfig for `server` with the test CA and admin token (the server may be a decoy). */
function kubeconfigFor(dir: string, name: string, server: string): string {
  if (!cluster) throw new Error('no cluster');
  const path = join(dir, `${name}.kubeconfig`);
  const ca = readFileSync(cluster.caCertPath).toString('base64');
  writeFileSync(
    path,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name, cluster: { server, 'certificate-authority-data': ca } }],
      users: [{ name: 'admin', user: { token: cluster.adminToken } }],
      contexts: [{ name, context: { cluster: name, user: 'admin' } }],
      'current-context': name,
    }),
    { mode: 0o600 },
  );
  return path;
}

function listen(server: Server): Promise<number> {
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });
}

describe.skipIf(!cluster)('kubeward cluster scan from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubeward-cluster-cli-'));
  const ns = `kwc${randomBytes(3).toString('hex')}`;
  const silent = createServer(() => {
    // Accepts connections and never answers.
  });
  const sockets = new Set<Socket>();
  silent.on('connection', (socket) => sockets.add(socket));

  beforeAll(async () => {
    if (!cluster) return;
    await createNamespace(cluster, ns);
    expectStatus(
      await kubeRequest(cluster, {
        path: `/api/v1/namespaces/${ns}/pods`,
        body: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'root' },
          spec: {
            containers: [
              {
                name: 'app',
                image: 'registry.example/app:1',
                securityContext: { privileged: true },
              },
            ],
          },
        },
      }),
      'create pod',
      201,
    );
  });

  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    silent.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a text report of one namespace and fails on a high finding', async () => {
    if (!cluster) return;
    const run = await kubeward([
      'cluster',
      'scan',
      '--kubeconfig',
      cluster.kubeconfigPath,
      '-n',
      ns,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Pod/${ns}/root`);
    expect(run.stdout).toContain('container-privileged');
    console.log(`cluster scan -n (text), child process: ${String(run.ms)} ms`);
  });

  it('shows progress on stderr with --verbose and writes SARIF', async () => {
    if (!cluster) return;
    const run = await kubeward([
      'cluster',
      'scan',
      '--kubeconfig',
      cluster.kubeconfigPath,
      '-n',
      ns,
      '--format',
      'sarif',
      '--fail-on',
      'none',
      '--verbose',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('kubeward: listed Pod');
    const sarif = JSON.parse(run.stdout) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.length).toBeGreaterThan(0);
  });

  it('cluster pss lists the namespace and what restricted would reject', async () => {
    if (!cluster) return;
    const run = await kubeward([
      'cluster',
      'pss',
      '--kubeconfig',
      cluster.kubeconfigPath,
      '-n',
      ns,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${ns}  enforce=none  workloads=1  rejected-by-restricted=1`);
    expect(run.stdout).toContain(
      `Pod/${ns}/root: would violate PodSecurity "restricted:latest": privileged`,
    );
  });

  it('exits 2 with one line when the API server refuses connections', async () => {
    const probe = createServer();
    const port = await listen(probe);
    await new Promise((done) => probe.close(done)); // now nothing listens there
    const run = await kubeward([
      'cluster',
      'scan',
      '--kubeconfig',
      kubeconfigFor(dir, 'refused', `https://127.0.0.1:${String(port)}`),
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `kubeward: cannot reach the API server at https://127.0.0.1:${String(port)}: connect ECONNREFUSED 127.0.0.1:${String(port)}\n`,
    );
  });

  it('gives up on a server that never answers after --request-timeout', async () => {
    const port = await listen(silent);
    const run = await kubeward([
      'cluster',
      'scan',
      '--kubeconfig',
      kubeconfigFor(dir, 'silent', `https://127.0.0.1:${String(port)}`),
      '--request-timeout',
      '1',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `kubeward: cannot reach the API server at https://127.0.0.1:${String(port)}: no answer within 1s\n`,
    );
    // The report comes after 1 s; the process then waits for undici's 10 s connect timeout on
    // the TLS handshake the server never answers before it exits.
    expect(run.ms).toBeLessThan(20_000);
  });

  it('names a missing context instead of scanning another', async () => {
    if (!cluster) return;
    const run = await kubeward([
      'cluster',
      'scan',
      '--kubeconfig',
      cluster.kubeconfigPath,
      '--context',
      'nope',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'kubeward: cannot load kubeconfig: no context "nope" (contexts: kubeward-e2e)\n',
    );
  });
});
