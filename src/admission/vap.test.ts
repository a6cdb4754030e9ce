import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectRules } from '../engine/select-rules.ts';
import { allRules } from '../rules/index.ts';
import { createApp } from './app.ts';
import type { AdmissionEngine } from './evaluate.ts';
import { createMetrics } from './metrics.ts';
import { defaultAdmissionPolicy } from './policy.ts';
import { loadVapGate } from './vap-gate.ts';

// User ValidatingAdmissionPolicies in the webhook, in process: each test writes a policy file,
// loads it as `--policy` does, and posts reviews to /validate.

function policyYaml(name: string, spec: string, binding = 'validationActions: [Deny]'): string {
  const indent = (text: string) => text.replace(/\n/g, '\n  ');
  return `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: ${name} }
spec:
  ${indent(spec)}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: ${name}-binding }
spec:
  policyName: ${name}
  ${indent(binding)}
`;
}

const PODS = `matchConstraints:
  resourceRules:
    - { apiGroups: [''], apiVersions: [v1], operations: [CREATE, UPDATE, DELETE], resources: [pods] }`;

async function app(
  yaml: string,
  opts: { labels?: Record<string, Record<string, string>>; rules?: boolean } = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubeward-vap-'));
  writeFileSync(path.join(dir, 'policy.yaml'), yaml);
  const vap = await loadVapGate(['policy.yaml'], dir, new Set(allRules.map((r) => r.id)));
  const engine: AdmissionEngine = {
    rules: opts.rules === true ? selectRules(allRules, { include: ['pss-*'], exclude: [] }) : [],
    policy: defaultAdmissionPolicy(),
    namespaceLabels: (name) => opts.labels?.[name],
    vap,
  };
  const metrics = createMetrics({ processMetrics: false });
  const a = createApp({ engine: () => engine, metrics, log: () => undefined, ready: () => true });
  return Object.assign(a, { metrics });
}

function pod(extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'team', labels: { app: 'web' } },
    spec: { containers: [{ name: 'app', image: 'registry.example.com/app:1.0', ...container }] },
    ...extra,
  };
}

async function validate(
  a: Awaited<ReturnType<typeof app>>,
  request: Record<string, unknown>,
  endpoint = '/validate',
) {
  const body = {
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: 'uid-1',
      kind: { group: '', version: 'v1', kind: 'Pod' },
      resource: { group: '', version: 'v1', resource: 'pods' },
      namespace: 'team',
      name: 'p',
      operation: 'CREATE',
      userInfo: { username: 'alice', groups: ['dev', 'system:authenticated'] },
      object: pod(),
      ...request,
    },
  };
  const res = await a.request(endpoint, { method: 'POST', body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { response: Record<string, unknown> }).response;
}

const NO_LATEST = `${PODS}
validations:
  - expression: "!object.spec.containers.exists(c, c.image.endsWith(':latest'))"
    messageExpression: "'latest tag: ' + object.spec.containers.filter(c, c.image.endsWith(':latest')).map(c, c.name).join(', ')"`;

describe('ValidatingAdmissionPolicies in the webhook', () => {
  it('denies as the API server words it, with the reason and code of the validation', async () => {
    const a = await app(policyYaml('no-latest', NO_LATEST));
    expect(await validate(a, {})).toMatchObject({ allowed: true });
    const denied = await validate(a, { object: pod({}, { image: 'nginx:latest' }) });
    expect(denied).toMatchObject({
      allowed: false,
      status: {
        code: 422,
        reason: 'Invalid',
        message:
          "ValidatingAdmissionPolicy 'no-latest' with binding 'no-latest-binding' denied request: latest tag: app",
      },
      auditAnnotations: { decision: 'deny', denied: 'no-latest' },
    });
    const metrics = await a.metrics.registry.metrics();
    expect(metrics).toContain(
      'kubeward_admission_findings_total{rule="no-latest",action="deny"} 1',
    );
  });

  it('turns Warn into warnings and Audit into audit annotations', async () => {
    const spec = `${NO_LATEST}
auditAnnotations:
  - key: images
    valueExpression: "object.spec.containers.map(c, c.image).join(',')"`;
    const warn = await app(policyYaml('no-latest', spec, 'validationActions: [Warn, Audit]'));
    const res = await validate(warn, { object: pod({}, { image: 'nginx:latest' }) });
    expect(res.allowed).toBe(true);
    expect(res.warnings).toEqual([
      "Validation failed for ValidatingAdmissionPolicy 'no-latest' with binding 'no-latest-binding': latest tag: app",
    ]);
    const annotations = res.auditAnnotations as Record<string, string>;
    expect(JSON.parse(annotations['vap-validation-failure'] ?? '')).toEqual([
      {
        message: 'latest tag: app',
        policy: 'no-latest',
        binding: 'no-latest-binding',
        expressionIndex: 0,
        validationActions: ['Warn', 'Audit'],
      },
    ]);
    expect(JSON.parse(annotations['vap-annotations'] ?? '')).toEqual({
      'no-latest/images': 'nginx:latest',
    });
  });

  it('merges with the rules: policy denials first, then the Kubeward message', async () => {
    const a = await app(policyYaml('no-latest', NO_LATEST, 'validationActions: [Deny]'), {
      rules: true,
    });
    const res = await validate(a, {
      object: pod({}, { image: 'nginx:latest', securityContext: { privileged: true } }),
    });
    const status = res.status as { code: number; message: string };
    const [first, ...rest] = status.message.split('\n');
    expect(first).toMatch(/^ValidatingAdmissionPolicy 'no-latest' .* denied request: latest tag/);
    expect(rest.join('\n')).toContain('Kubeward denied Pod/team/p');
    expect(rest.join('\n')).toContain('pss-privileged (critical)');
    expect(status.code).toBe(422);
    expect((res.auditAnnotations as Record<string, string>).denied).toContain('pss-privileged');
  });

  it('sees oldObject on UPDATE and the request user', async () => {
    const spec = `${PODS}
validations:
  - expression: "request.operation != 'UPDATE' || object.metadata.labels == oldObject.metadata.labels"
    message: labels are immutable
  - expression: "!('contractors' in request.userInfo.groups)"
    messageExpression: "request.userInfo.username + ' may not create pods'"
    reason: Forbidden`;
    const a = await app(policyYaml('guard', spec));
    const old = pod({ metadata: { name: 'p', namespace: 'team', labels: { app: 'old' } } });
    const update = await validate(a, { operation: 'UPDATE', oldObject: old });
    expect((update.status as { message: string }).message).toMatch(/labels are immutable$/);
    expect(await validate(a, { operation: 'UPDATE', oldObject: pod() })).toMatchObject({
      allowed: true,
    });
    const bob = await validate(a, { userInfo: { username: 'bob', groups: ['contractors'] } });
    expect(bob.status).toMatchObject({ code: 403, reason: 'Forbidden' });
    expect((bob.status as { message: string }).message).toMatch(/bob may not create pods$/);
  });

  it('matches namespaces and reads namespaceObject from the watched labels', async () => {
    const spec = `${PODS}
  namespaceSelector: { matchLabels: { env: prod } }
validations:
  - expression: "namespaceObject.metadata.labels['tier'] == 'gold'"
    messageExpression: "'namespace ' + namespaceObject.metadata.name + ' is not gold'"`;
    const prod = { team: { env: 'prod', tier: 'silver', 'kubernetes.io/metadata.name': 'team' } };
    const a = await app(policyYaml('gold', spec), { labels: prod });
    const res = await validate(a, {});
    expect((res.status as { message: string }).message).toMatch(/namespace team is not gold$/);
    // Unknown to the watch: the namespace has only its name label, so the selector does not match.
    const unwatched = await app(policyYaml('gold', spec));
    expect(await validate(unwatched, {})).toMatchObject({ allowed: true });
  });

  it('evaluates the operations a policy matches, DELETE included, but not on /mutate', async () => {
    const spec = `${PODS}
validations:
  - expression: "request.operation != 'DELETE' || !has(oldObject.metadata.labels) || oldObject.metadata.labels['app'] != 'web'"
    message: web pods are not deleted by hand`;
    const a = await app(policyYaml('keep-web', spec));
    const del = { operation: 'DELETE', object: null, oldObject: pod() };
    const res = await validate(a, del);
    expect(res).toMatchObject({ allowed: false, auditAnnotations: { decision: 'deny' } });
    expect(await validate(a, del, '/mutate')).toMatchObject({ allowed: true });
  });

  it('uses params from the policy files and follows failurePolicy on errors', async () => {
    const params = `apiVersion: v1
kind: ConfigMap
metadata: { name: limits, namespace: team }
data: { max: '2' }
---
`;
    const spec = `paramKind: { apiVersion: v1, kind: ConfigMap }
failurePolicy: Ignore
${PODS}
validations:
  - expression: "size(object.spec.containers) <= int(params.data.max)"
    messageExpression: "'at most ' + params.data.max + ' containers'"
  - expression: "object.spec.missing.field == 1"`;
    const a = await app(
      params +
        policyYaml(
          'limits',
          spec,
          'paramRef: { name: limits, parameterNotFoundAction: Deny }\nvalidationActions: [Deny]',
        ),
    );
    const three = { spec: { containers: ['a', 'b', 'c'].map((name) => ({ name, image: 'x:1' })) } };
    const res = await validate(a, { object: pod(three) });
    expect((res.status as { message: string }).message).toMatch(/at most 2 containers$/);
    const ok = await validate(a, {});
    expect(ok.allowed).toBe(true);
    expect((ok.auditAnnotations as Record<string, string>)['vap-ignored-errors']).toContain(
      'no such key',
    );
  });

  it('refuses policy files the API server would refuse, and names rules after built-ins apart', async () => {
    const bad = policyYaml('bad', `${PODS}\nvalidations: []`);
    await expect(app(bad)).rejects.toThrow(
      /^policy.yaml:1:1: ValidatingAdmissionPolicy\/bad: spec.validations/,
    );
    const clash = await app(policyYaml('pss-privileged', NO_LATEST));
    const res = await validate(clash, { object: pod({}, { image: 'nginx:latest' }) });
    expect(res.auditAnnotations).toMatchObject({ denied: 'vap:pss-privileged' });
    expect((res.status as { message: string }).message).toContain(
      "ValidatingAdmissionPolicy 'pss-privileged'",
    );
  });
});
