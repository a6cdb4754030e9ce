import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allRules } from '../rules/index.ts';
import { selectRules } from '../engine/select-rules.ts';
import { createApp } from './app.ts';
import type { AdmissionEngine } from './evaluate.ts';
import { createMetrics } from './metrics.ts';
import { defaultAdmissionPolicy } from './policy.ts';
import type { AdmissionPolicy } from './policy.ts';

const logs: Record<string, unknown>[] = [];

function app(
  policy: Partial<AdmissionPolicy> = {},
  labels: Record<string, Record<string, string>> = {},
) {
  const full = defaultAdmissionPolicy(policy);
  const engine: AdmissionEngine = {
    rules: selectRules(allRules, { include: full.include, exclude: full.exclude }),
    policy: full,
    namespaceLabels: (name) => labels[name],
  };
  return createApp({
    engine: () => engine,
    metrics: createMetrics({ processMetrics: false }),
    log: (r) => logs.push(r),
    ready: () => true,
  });
}

function pod(securityContext: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'team' },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'app',
          image: 'registry.example.com/app:1.0',
          securityContext: {
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            ...securityContext,
          },
        },
      ],
      ...extra,
    },
  };
}

function review(object: unknown, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: 'uid-1',
      kind: { group: '', version: 'v1', kind: 'Pod' },
      resource: { group: '', version: 'v1', resource: 'pods' },
      namespace: 'team',
      operation: 'CREATE',
      userInfo: { username: 'alice', groups: ['system:authenticated'] },
      object,
      ...extra,
    },
  };
}

async function post(a: ReturnType<typeof app>, path: string, body: unknown) {
  const res = await a.request(path, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return {
    status: res.status,
    body: (await res.json()) as { response?: Record<string, unknown>; error?: string },
  };
}

describe('validating webhook', () => {
  it('allows a compliant pod', async () => {
    const { status, body } = await post(app(), '/validate', review(pod({})));
    expect(status).toBe(200);
    expect(body.response).toMatchObject({
      uid: 'uid-1',
      allowed: true,
      auditAnnotations: { decision: 'allow' },
    });
  });

  it('denies a privileged pod with rule ids, paths and remediation', async () => {
    const { body } = await post(app(), '/validate', review(pod({ privileged: true })));
    expect(body.response?.allowed).toBe(false);
    const status = body.response?.status as { code: number; message: string };
    expect(status.code).toBe(403);
    expect(status.message).toContain('Kubeward denied Pod/team/p');
    expect(status.message).toContain(
      'pss-privileged (critical) at spec.containers[0].securityContext.privileged',
    );
    expect(body.response?.auditAnnotations).toMatchObject({ decision: 'deny' });
  });

  it('takes the Pod Security level from the namespace labels', async () => {
    const baseline = { team: { 'pod-security.kubernetes.io/enforce': 'baseline' } };
    const nonRootMissing = { ...pod({}), spec: { containers: [{ name: 'app', image: 'x:1' }] } };
    const pssOnly = { include: ['pss-*'], failOn: 'low' as const };
    const restricted = await post(app(pssOnly), '/validate', review(nonRootMissing));
    expect(restricted.body.response?.allowed).toBe(false);
    const relaxed = await post(app(pssOnly, baseline), '/validate', review(nonRootMissing));
    expect(relaxed.body.response?.allowed).toBe(true);
  });

  it('warns instead of denying in warn mode and for findings below fail-on', async () => {
    const { body } = await post(
      app({ include: ['pss-*'], modes: { 'pss-privileged': 'warn' } }),
      '/validate',
      review(pod({ privileged: true })),
    );
    expect(body.response?.allowed).toBe(true);
    expect(
      (body.response?.warnings as string[]).some((w) => w.startsWith('[pss-privileged]')),
    ).toBe(true);
  });

  it('on UPDATE, warns about problems the old object already had and denies new ones', async () => {
    const old = pod({ privileged: true });
    const same = await post(
      app(),
      '/validate',
      review(pod({ privileged: true }), { operation: 'UPDATE', oldObject: old }),
    );
    expect(same.body.response?.allowed).toBe(true);
    expect((same.body.response?.warnings as string[]).join('\n')).toContain(
      'already present before this update',
    );
    const strict = await post(
      app({ grandfatherExisting: false }),
      '/validate',
      review(pod({ privileged: true }), { operation: 'UPDATE', oldObject: old }),
    );
    expect(strict.body.response?.allowed).toBe(false);
  });

  it('honours exemptions by namespace, user and runtime class', async () => {
    const bad = pod({ privileged: true });
    for (const exemptions of [
      { namespaces: ['team'], usernames: [], runtimeClasses: [] },
      { namespaces: [], usernames: ['alice'], runtimeClasses: [] },
    ]) {
      const { body } = await post(app({ exemptions }), '/validate', review(bad));
      expect(body.response).toMatchObject({
        allowed: true,
        auditAnnotations: { decision: 'skipped' },
      });
    }
    const kata = pod({ privileged: true }, { runtimeClassName: 'kata' });
    const { body } = await post(
      app({ exemptions: { namespaces: [], usernames: [], runtimeClasses: ['kata'] } }),
      '/validate',
      review(kata),
    );
    expect(body.response?.allowed).toBe(true);
  });

  it('does not check DELETE', async () => {
    const { body } = await post(
      app(),
      '/validate',
      review(undefined, { operation: 'DELETE', oldObject: pod({ privileged: true }) }),
    );
    expect(body.response?.allowed).toBe(true);
  });

  it('answers dry-run requests the same way (the webhook has no side effects)', async () => {
    const { body } = await post(
      app(),
      '/validate',
      review(pod({ privileged: true }), { dryRun: true }),
    );
    expect(body.response?.allowed).toBe(false);
  });
});

describe('mutating webhook', () => {
  it('returns no patch when there is nothing safe to fix', async () => {
    const { body } = await post(app(), '/mutate', review(pod({})));
    expect(body.response).toMatchObject({ allowed: true });
    expect(body.response?.patch).toBeUndefined();
  });

  it('applies behaviour-changing fixes only when configured', async () => {
    const insecure = { ...pod({}), spec: { containers: [{ name: 'app', image: 'x:1' }] } };
    const safe = await post(app(), '/mutate', review(insecure));
    const unsafe = await post(
      app({ mutate: { unsafe: true, suggestRules: [] } }),
      '/mutate',
      review(insecure),
    );
    expect(unsafe.body.response).toMatchObject({ allowed: true, patchType: 'JSONPatch' });
    const patch = JSON.parse(
      Buffer.from(unsafe.body.response?.patch as string, 'base64').toString(),
    ) as { op: string; path: string }[];
    expect(patch.length).toBeGreaterThan(0);
    expect(patch.every((p) => p.path.startsWith('/spec/'))).toBe(true);
    expect(
      safe.body.response?.patch === undefined ||
        safe.body.response.patch !== unsafe.body.response?.patch,
    ).toBe(true);
  });
});

describe('bad requests', () => {
  it('answers malformed reviews with a 400 that says why', async () => {
    const a = app();
    expect((await post(a, '/validate', 'not json')).status).toBe(400);
    expect((await post(a, '/validate', { kind: 'AdmissionReview' })).body.error).toContain(
      'admission.k8s.io/v1',
    );
    expect((await post(a, '/validate', review(pod({}), { uid: '' }))).body.error).toContain('uid');
    expect((await post(a, '/validate', review({ kind: 'Pod' }))).body.error).toContain(
      'request.object',
    );
  });

  it('refuses bodies over the size limit with 413', async () => {
    const big = review({
      ...pod({}),
      metadata: { name: 'p', annotations: { x: 'a'.repeat(4 * 1024 * 1024) } },
    });
    expect((await post(app(), '/validate', big)).status).toBe(413);
  });

  it('never answers random JSON with a 500', async () => {
    const a = app();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.jsonValue(), async (value, object) => {
        for (const body of [value, review(object), { ...review(pod({})), request: value }]) {
          const { status } = await post(a, '/validate', body);
          expect([200, 400]).toContain(status);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('serves health, readiness and metrics', async () => {
    const a = app();
    await post(a, '/validate', review(pod({ privileged: true })));
    expect((await a.request('/healthz')).status).toBe(200);
    expect((await a.request('/readyz')).status).toBe(200);
    const metrics = await (await a.request('/metrics')).text();
    expect(metrics).toContain(
      'kubeward_admission_requests_total{endpoint="validate",decision="deny"} 1',
    );
  });
});
