import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'vitest';
import {
  admissionEngine,
  loopbackCertificates,
  webhookApp,
} from '../src/admission/__fixtures__/webhook.ts';
import { WEBHOOK_NODE_OPTIONS } from '../src/admission/manifests.ts';

// A typical Deployment as the API server sends it to a validating webhook.
const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [
          {
            name: 'web',
            image: 'registry.example.com/web:1.4.2',
            ports: [{ containerPort: 8080 }],
            env: [{ name: 'LOG_LEVEL', value: 'info' }],
            resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '128Mi' } },
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          },
        ],
      },
    },
  },
};
const body = JSON.stringify({
  apiVersion: 'admission.k8s.io/v1',
  kind: 'AdmissionReview',
  request: {
    uid: 'bench',
    kind: { group: 'apps', version: 'v1', kind: 'Deployment' },
    resource: { group: 'apps', version: 'v1', resource: 'deployments' },
    namespace: 'shop',
    operation: 'CREATE',
    userInfo: { username: 'ci' },
    object: deployment,
  },
});

test(
  'admission: in-process review of a typical Deployment',
  { timeout: 600_000 },
  async ({ bench }) => {
    const app = webhookApp(admissionEngine());
    await bench('POST /validate (in process, no TLS)', async () => {
      const res = await app.request('/validate', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
      await res.arrayBuffer();
    }).run({ time: 3000, warmupTime: 500 });
  },
);

/** RSS of another process in MiB, from /proc (Linux). */
function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match === null ? Number.NaN : Math.round(Number(match[1]) / 1024);
}

const LOAD_SECONDS = 30;
const run = promisify(execFile);

test('admission: 500 requests/s for 30 s over TLS on loopback', { timeout: 600_000 }, async () => {
  const certs = await loopbackCertificates('kubeward-bench-');
  const review = path.join(certs.dir, 'review.json');
  writeFileSync(review, body);
  for (const shape of ['paced', 'burst'] as const) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const cli = path.resolve(import.meta.dirname, '../src/cli/main.ts');
    // The server runs as the deploy manifests run it: its own process, the same V8 options.
    const server = spawn(
      process.execPath,
      [
        cli,
        'webhook',
        'serve',
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
        '--tls-cert',
        certs.certFile,
        '--tls-key',
        certs.keyFile,
      ],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, NODE_OPTIONS: WEBHOOK_NODE_OPTIONS },
      },
    );
    try {
      await waitReady(port, certs.caCert);
      const rss: number[] = [];
      const sampler = setInterval(() => rss.push(rssMiB(server.pid ?? 0)), 1000);
      // The load generator runs in a process of its own too (see admission-load-client.ts).
      const client = path.resolve(import.meta.dirname, 'admission-load-client.ts');
      const { stdout: output } = await run(process.execPath, [
        client,
        `https://127.0.0.1:${port}/validate`,
        certs.caFile,
        review,
        shape,
        String(LOAD_SECONDS),
      ]);
      clearInterval(sampler);
      // Memory after warm-up (5 s in), at the end, and the peak.
      const memory = {
        rssAt5sMiB: rss[4],
        rssEndMiB: rss.at(-1),
        rssMaxMiB: Math.max(...rss),
      };
      console.log(`admission load: ${JSON.stringify({ ...JSON.parse(output), ...memory })}`);
    } finally {
      server.kill('SIGTERM');
    }
  }
});

async function waitReady(port: number, ca: string): Promise<void> {
  const https = await import('node:https');
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      https
        .get({ host: '127.0.0.1', port, path: '/readyz', ca }, (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        })
        .on('error', () => {
          resolve(false);
        });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('webhook did not become ready');
}
