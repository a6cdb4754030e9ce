import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  admissionEngine,
  listenOnLoopback,
  loopbackCertificates,
  webhookApp,
} from '../../src/admission/__fixtures__/webhook.ts';
import { webhookManifests } from '../../src/admission/manifests.ts';
import { watchNamespaces } from '../../src/admission/namespace-cache.ts';
import type { NamespaceLabels } from '../../src/admission/namespace-cache.ts';
import { defaultAdmissionPolicy } from '../../src/admission/policy.ts';
import type { RunningServer } from '../../src/admission/server.ts';
import { loadKubeConfig } from '../../src/input/cluster.ts';
import { kubeRequest } from './kube-request.ts';
import type { KubeResponse } from './kube-request.ts';

// The webhook inside a real admission chain: registered with its caBundle, called by the API
// server over TLS, then stopped to show failurePolicy and that kube-system stays writable.
const cluster = inject('kubeCluster');
const id = randomBytes(3).toString('hex');
const LABEL = `kubeward-e2e-webhook-${id}`;
const ns = `wh-${id}`;
const logs: Record<string, unknown>[] = [];

function pod(name: string, container: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 10001,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      containers: [{ name: 'app', image: 'registry.example.com/app:1.0', ...container }],
    },
  };
}

const SAFE = {
  securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
};

describe.skipIf(!cluster)('admission webhook in a real API server', () => {
  // skipIf above guarantees the cluster inside this block.
  const c = cluster ?? ({} as NonNullable<typeof cluster>);
  let server: RunningServer | undefined;
  let namespaces: NamespaceLabels | undefined;

  const create = (
    namespace: string,
    body: Record<string, unknown>,
    plural = 'pods',
    group = '/api/v1',
  ): Promise<KubeResponse> =>
    kubeRequest(c, {
      method: 'POST',
      path: `${group}/namespaces/${namespace}/${plural}`,
      query: { dryRun: 'All' },
      body,
    });

  /** Retries until the API server's webhook configuration cache has the change (about a second). */
  async function eventually(check: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 60; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error('condition not reached in 30 s');
  }

  beforeAll(async () => {
    const certs = await loopbackCertificates('kubeward-webhook-e2e-');
    namespaces = await watchNamespaces(
      loadKubeConfig({ kubeconfig: c.kubeconfigPath }),
      () => undefined,
    );
    const engine = admissionEngine({
      policy: defaultAdmissionPolicy({
        mutate: { unsafe: false, suggestRules: ['pss-allow-privilege-escalation'] },
      }),
      namespaceLabels: (name) => namespaces?.labels(name),
    });
    server = await listenOnLoopback(
      webhookApp(engine, (r) => logs.push(r)),
      certs,
    );

    for (const name of [ns, 'kube-system']) {
      await kubeRequest(c, {
        method: 'POST',
        path: '/api/v1/namespaces',
        body: {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name, labels: { [LABEL]: 'on' } },
        },
      });
      await kubeRequest(c, {
        method: 'PATCH',
        path: `/api/v1/namespaces/${name}`,
        body: { metadata: { labels: { [LABEL]: 'on' } } },
      });
      // No controller manager runs here: create the default ServiceAccount pods need.
      await kubeRequest(c, {
        method: 'POST',
        path: `/api/v1/namespaces/${name}/serviceaccounts`,
        body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } },
      });
    }
    // The generated configurations, pointed at this server by URL, and limited to this test's
    // labelled namespaces so other tests sharing the API server are not affected.
    const caBundle = Buffer.from(certs.caCert).toString('base64');
    for (const config of webhookManifests({
      namespace: 'kubeward',
      name: `kubeward-${id}`,
      image: 'unused',
      caBundle,
      mutate: true,
      failurePolicy: 'Fail',
      timeoutSeconds: 5,
      apiServerCidrs: ['127.0.0.0/8'],
    }).filter((o) => o.kind.endsWith('WebhookConfiguration'))) {
      const webhooks = (config.webhooks as Record<string, unknown>[]).map((w) => {
        const selector = w.namespaceSelector as { matchExpressions: unknown[] };
        return {
          ...w,
          clientConfig: {
            url: `https://127.0.0.1:${String(server?.port)}${w.name === 'mutate.kubeward.io' ? '/mutate' : '/validate'}`,
            caBundle,
          },
          namespaceSelector: {
            matchExpressions: [
              ...selector.matchExpressions,
              { key: LABEL, operator: 'In', values: ['on'] },
            ],
          },
        };
      });
      const plural =
        config.kind === 'MutatingWebhookConfiguration'
          ? 'mutatingwebhookconfigurations'
          : 'validatingwebhookconfigurations';
      const res = await kubeRequest(c, {
        method: 'POST',
        path: `/apis/admissionregistration.k8s.io/v1/${plural}`,
        body: { ...config, webhooks },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const probe = pod('probe', { securityContext: { privileged: true } });
    await eventually(async () => (await create(ns, probe)).status === 403);
  });

  afterAll(async () => {
    for (const plural of ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations']) {
      await kubeRequest(c, {
        method: 'DELETE',
        path: `/apis/admissionregistration.k8s.io/v1/${plural}/kubeward-${id}`,
      });
    }
    await kubeRequest(c, {
      method: 'PATCH',
      path: '/api/v1/namespaces/kube-system',
      patchType: 'json',
      body: [{ op: 'remove', path: `/metadata/labels/${LABEL}` }],
    });
    await server?.close();
    await namespaces?.stop();
  });

  it('admits a compliant Pod', async () => {
    const res = await create(ns, pod('good', SAFE));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('denies a privileged Pod with rule ids, paths and remediation in the message', async () => {
    const res = await create(
      ns,
      pod('bad', { securityContext: { capabilities: { drop: ['ALL'] }, privileged: true } }),
    );
    expect(res.status).toBe(403);
    const message = (res.body as { message: string }).message;
    expect(message).toContain(
      'admission webhook "validate.kubeward.io" denied the request: Kubeward denied Pod',
    );
    expect(message).toContain(
      'pss-privileged (critical) at spec.containers[0].securityContext.privileged',
    );
  });

  it('denies a non-compliant Deployment (PodSecurity admission itself only warns on workloads)', async () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { hostNetwork: true, containers: [{ name: 'web', image: 'nginx:1.27' }] },
        },
      },
    };
    const res = await create(ns, deployment, 'deployments', '/apis/apps/v1');
    expect(res.status).toBe(403);
    expect((res.body as { message: string }).message).toContain('pss-host-namespaces');
  });

  it('returns warnings for findings below the deny threshold', async () => {
    const res = await create(ns, pod('warned', SAFE));
    expect(res.status).toBe(201);
    const warnings = res.warnings.join('\n');
    expect(logs.some((l) => l.uid !== undefined && l.endpoint === 'validate')).toBe(true);
    // Whatever low-severity rules say about this pod reaches the client as Warning headers.
    for (const w of res.warnings) expect(w).toMatch(/^299 - "\[[a-z0-9-]+\] /);
    expect(typeof warnings).toBe('string');
  });

  it('mutates on the way in: the stored object carries the fixes', async () => {
    const res = await create(ns, pod('mutated', {}));
    // The mutating webhook runs first and fixes what the validating webhook would deny.
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const container = (
      res.body as { spec: { containers: { securityContext?: Record<string, unknown> }[] } }
    ).spec.containers[0];
    expect(container?.securityContext?.allowPrivilegeEscalation).toBe(false);
  });

  it('takes the Pod Security level from namespace labels through its watch', async () => {
    const relaxed = `${ns}-b`;
    await kubeRequest(c, {
      method: 'POST',
      path: '/api/v1/namespaces',
      body: {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: relaxed,
          labels: { [LABEL]: 'on', 'pod-security.kubernetes.io/enforce': 'privileged' },
        },
      },
    });
    await kubeRequest(c, {
      method: 'POST',
      path: `/api/v1/namespaces/${relaxed}/serviceaccounts`,
      body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } },
    });
    await eventually(() => Promise.resolve(namespaces?.labels(relaxed) !== undefined));
    // A pod without runAsNonRoot: restricted (the webhook's default) warns, privileged does not.
    const rootPod = pod('maybe-root', SAFE);
    delete (rootPod.spec as { securityContext?: unknown }).securityContext;
    const strict = await create(ns, rootPod);
    const relaxedRes = await create(relaxed, rootPod);
    expect(strict.status, JSON.stringify(strict.body)).toBe(201);
    expect(relaxedRes.status, JSON.stringify(relaxedRes.body)).toBe(201);
    expect(strict.warnings.join('\n')).toContain('[pss-run-as-non-root]');
    expect(relaxedRes.warnings.join('\n')).not.toContain('[pss-');
  });

  it('fails closed when the webhook is down, while kube-system stays writable', async () => {
    await server?.close();
    server = undefined;
    await eventually(async () => {
      const res = await create(ns, pod('down', SAFE));
      return (
        res.status >= 500 ||
        (res.status === 403 && JSON.stringify(res.body).includes('failed calling webhook'))
      );
    });
    const res = await create(ns, pod('down2', SAFE));
    expect(JSON.stringify(res.body)).toContain('failed calling webhook');
    const system = await create('kube-system', pod('system', SAFE));
    expect(system.status, JSON.stringify(system.body)).toBe(201);
  });
});
