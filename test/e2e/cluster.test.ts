import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster } from './cluster.ts';
import type { TestCluster } from './cluster.ts';
import { kubeRequest } from './kube-request.ts';

const NAMESPACE = 'pss-baseline';

function pod(privileged: boolean): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'probe', namespace: NAMESPACE },
    spec: {
      containers: [
        { name: 'app', image: 'registry.example/app:1', securityContext: { privileged } },
      ],
    },
  };
}

function connect(url: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(Number(url.port), url.hostname, () => {
      socket.destroy();
      resolve();
    });
    socket.on('error', reject);
  });
}

describe.skipIf(process.env.KUBEWARD_SKIP_E2E === '1')('test cluster (real kube-apiserver)', () => {
  let cluster: TestCluster;

  beforeAll(async () => {
    cluster = await startCluster();
  });

  afterAll(async () => {
    // Unset when beforeAll failed; stop() is idempotent.
    await (cluster as TestCluster | undefined)?.stop();
  });

  it('serves /version of the pinned Kubernetes release', async () => {
    const res = await kubeRequest(cluster, { path: '/version' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ gitVersion: cluster.version });
  });

  it('rejects a privileged pod under baseline Pod Security on server-side dry-run', async () => {
    const ns = await kubeRequest(cluster, {
      path: '/api/v1/namespaces',
      body: {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: NAMESPACE, labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } },
      },
    });
    expect(ns.status).toBe(201);
    // No controller manager runs, so the ServiceAccount admission plugin would fail on the missing default SA.
    const sa = await kubeRequest(cluster, {
      path: `/api/v1/namespaces/${NAMESPACE}/serviceaccounts`,
      body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } },
    });
    expect(sa.status).toBe(201);

    const path = `/api/v1/namespaces/${NAMESPACE}/pods`;
    const query = { dryRun: 'All' };
    const allowed = await kubeRequest(cluster, { path, query, body: pod(false) });
    expect(allowed.status).toBe(201);

    const denied = await kubeRequest(cluster, { path, query, body: pod(true) });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ kind: 'Status', reason: 'Forbidden' });
    expect((denied.body as { message: string }).message).toContain(
      'violates PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true)',
    );

    // Dry-run persisted nothing.
    const list = await kubeRequest(cluster, { path });
    expect(list.body).toMatchObject({ items: [] });
  });

  it('stops both processes and removes its directory', async () => {
    const { dir } = cluster;
    expect(existsSync(dir)).toBe(true);
    await cluster.stop();
    expect(existsSync(dir)).toBe(false);
    await expect(connect(new URL(cluster.server))).rejects.toThrow(/ECONNREFUSED/);
  });
});
