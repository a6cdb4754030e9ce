import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { kubeRequest } from './kube-request.ts';
import { createCa, createSigningKey, issueCert } from './pki.ts';
import {
  exitReason,
  freePorts,
  isRunning,
  launch,
  logTails,
  startWatchdog,
  terminate,
} from './processes.ts';
import type { Proc } from './processes.ts';

/** A running kube-apiserver (with its etcd) on loopback, authenticated by an admin bearer token. */
export interface TestCluster {
  /** `https://127.0.0.1:<port>` */
  server: string;
  /** Kubeconfig with the CA inlined and the admin token as its only user. */
  kubeconfigPath: string;
  caCertPath: string;
  /** Bearer token of user `kubeward-admin` in group `system:masters`. */
  adminToken: string;
  /** Kubernetes version the API server was built from, such as `v1.37.2`. */
  version: string;
  /** Temporary directory holding certificates, etcd data and the logs `etcd.log`, `kube-apiserver.log`. */
  dir: string;
  stop(): Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READY_TIMEOUT_MS = 120_000;

let binaries: Promise<{ apiserver: string; etcd: string; version: string }> | undefined;

/** Builds (or finds in the cache) kube-apiserver and etcd with `scripts/e2e/build.sh`; memoised per process. */
export async function ensureBinaries(): Promise<{
  apiserver: string;
  etcd: string;
  version: string;
}> {
  binaries ??= runBuildScript().catch((error: unknown) => {
    binaries = undefined; // let a later call try again
    throw error;
  });
  return binaries;
}

function runBuildScript(): Promise<{ apiserver: string; etcd: string; version: string }> {
  const script = join(REPO_ROOT, 'scripts/e2e/build.sh');
  return new Promise((resolve, reject) => {
    // stderr is inherited so that a cold build shows its progress.
    const child = spawn('bash', [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const values = new Map(out.split('\n').map((line) => line.split('=', 2) as [string, string]));
      const [apiserver, etcd, version] = [
        values.get('apiserver'),
        values.get('etcd'),
        values.get('version'),
      ];
      if (code !== 0 || apiserver === undefined || etcd === undefined || version === undefined) {
        reject(new Error(`${script} failed with exit code ${String(code)}; its stderr says why`));
      } else {
        resolve({ apiserver, etcd, version });
      }
    });
  });
}

/**
 * Starts etcd and kube-apiserver on free loopback ports in a new temporary directory and waits for /readyz.
 * The API server runs the RBAC authorizer and the PodSecurity and webhook admission plugins. There is no
 * controller manager: namespaces get no `default` ServiceAccount and are never finalized after deletion.
 */
export async function startCluster(
  /** `--flag=value` arguments added to kube-apiserver's, replacing a default of the same flag. */
  opts: { extraApiserverArgs?: string[] } = {},
): Promise<TestCluster> {
  const bins = await ensureBinaries();
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(bins, opts.extraApiserverArgs ?? []);
    } catch (error) {
      // Free ports are found by binding and releasing them, so another process may take one meanwhile.
      if (attempt >= 3 || !String(error).includes('address already in use')) throw error;
    }
  }
}

async function startOnce(
  bins: { apiserver: string; etcd: string; version: string },
  extraApiserverArgs: string[],
): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'kubeward-e2e-'));
  const keep = process.env.KUBEWARD_E2E_KEEP === '1';
  const procs: Proc[] = [];
  let watchdog: ChildProcess | undefined;
  // 'exit' handlers must be synchronous: kill hard and remove the directory so nothing leaks.
  const onExit = (): void => {
    for (const { child } of procs) if (isRunning(child)) child.kill('SIGKILL');
    watchdog?.kill('SIGKILL');
    if (!keep) rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', onExit);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      process.off('exit', onExit);
      watchdog?.kill('SIGKILL');
      for (const { child } of procs.toReversed()) await terminate(child);
      if (!keep) rmSync(dir, { recursive: true, force: true });
    })());

  try {
    const [etcdPort = 0, peerPort = 0, apiPort = 0] = await freePorts(3);
    const pki = join(dir, 'pki');
    mkdirSync(pki);
    const ca = await createCa(pki);
    const serving = await issueCert(ca, pki, 'apiserver', {
      commonName: 'kube-apiserver',
      dns: ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc'],
      ips: ['127.0.0.1', '10.0.0.1'],
    });
    const sa = createSigningKey(pki);
    const adminToken = randomBytes(24).toString('hex');
    const tokenFile = join(pki, 'tokens.csv');
    writeFileSync(tokenFile, `${adminToken},kubeward-admin,kubeward-admin,"system:masters"\n`, {
      mode: 0o600,
    });

    const etcdUrl = `http://127.0.0.1:${String(etcdPort)}`;
    const peerUrl = `http://127.0.0.1:${String(peerPort)}`;
    procs.push(
      launch(bins.etcd, join(dir, 'etcd.log'), [
        '--name=kubeward-e2e',
        `--data-dir=${join(dir, 'etcd-data')}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=kubeward-e2e=${peerUrl}`,
        '--initial-cluster-state=new',
        '--unsafe-no-fsync=true', // throwaway data: skip fsync for speed
        '--log-level=warn',
      ]),
    );
    const server = `https://127.0.0.1:${String(apiPort)}`;
    const apiserverArgs = [
      `--etcd-servers=${etcdUrl}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${String(apiPort)}`,
      `--cert-dir=${pki}`,
      `--tls-cert-file=${serving.certPath}`,
      `--tls-private-key-file=${serving.keyPath}`,
      `--client-ca-file=${ca.certPath}`,
      `--token-auth-file=${tokenFile}`,
      '--authorization-mode=Node,RBAC',
      '--enable-admission-plugins=NodeRestriction,PodSecurity,MutatingAdmissionWebhook,ValidatingAdmissionWebhook,MutatingAdmissionPolicy,ValidatingAdmissionPolicy',
      // Let PodSecurity, not the cluster-wide switch, be what rejects privileged pods.
      '--allow-privileged=true',
      '--service-account-issuer=https://kubernetes.default.svc',
      `--service-account-key-file=${sa.publicKeyPath}`,
      `--service-account-signing-key-file=${sa.keyPath}`,
      '--service-cluster-ip-range=10.0.0.0/24',
      // Endpoints may not hold loopback addresses, so the kubernetes Service gets none.
      '--endpoint-reconciler-type=none',
      '--profiling=false',
    ];
    const log = join(dir, 'kube-apiserver.log');
    procs.push(launch(bins.apiserver, log, withOverrides(apiserverArgs, extraApiserverArgs)));
    watchdog = startWatchdog(procs, keep ? undefined : dir);

    const kubeconfigPath = join(dir, 'kubeconfig');
    writeFileSync(kubeconfigPath, kubeconfig(server, readFileSync(ca.certPath), adminToken), {
      mode: 0o600,
    });
    const cluster = { server, kubeconfigPath, caCertPath: ca.certPath, adminToken, dir, stop };
    await waitReady(cluster, procs);
    return { ...cluster, version: bins.version };
  } catch (error) {
    await stop();
    throw error;
  }
}

// An extra `--flag=value` replaces the default one: list flags such as --authorization-mode would append.
function withOverrides(defaults: string[], extra: string[]): string[] {
  const name = (arg: string): string => arg.split('=', 1)[0] ?? arg;
  const overridden = new Set(extra.map(name));
  return [...defaults.filter((arg) => !overridden.has(name(arg))), ...extra];
}

async function waitReady(
  cluster: { server: string; caCertPath: string; adminToken: string },
  procs: Proc[],
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const dead = procs.find(({ child }) => !isRunning(child));
    if (dead) {
      const { child } = dead;
      const logs = logTails([dead, ...procs.filter((p) => p !== dead)]);
      throw new Error(`${child.spawnfile} exited (${exitReason(child)})\n${logs}`);
    }
    try {
      const res = await kubeRequest(cluster, { path: '/readyz', timeoutMs: 5_000 });
      if (res.status === 200) return;
      last = `HTTP ${String(res.status)}: ${String(res.body)}`;
    } catch (error) {
      last = String(error);
    }
    await sleep(250);
  }
  throw new Error(
    `kube-apiserver not ready after ${String(READY_TIMEOUT_MS / 1000)}s (${last})\n${logTails(procs.toReversed())}`,
  );
}

function kubeconfig(server: string, caPem: Buffer, token: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'kubeward-e2e',
        cluster: { server, 'certificate-authority-data': caPem.toString('base64') },
      },
    ],
    users: [{ name: 'kubeward-admin', user: { token } }],
    contexts: [
      { name: 'kubeward-e2e', context: { cluster: 'kubeward-e2e', user: 'kubeward-admin' } },
    ],
    'current-context': 'kubeward-e2e',
  });
}
