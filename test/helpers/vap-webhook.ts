import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { createApp } from '../../src/admission/app.ts';
import type { AdmissionEngine } from '../../src/admission/evaluate.ts';
import { createMetrics } from '../../src/admission/metrics.ts';
import { defaultAdmissionPolicy } from '../../src/admission/policy.ts';
import { loadVapGate } from '../../src/admission/vap-gate.ts';
import { selectRules } from '../../src/engine/select-rules.ts';
import { allRules } from '../../src/rules/index.ts';

// The webhook with user ValidatingAdmissionPolicies, in process: a policy file is written, loaded
// as \`--policy\` loads it, and reviews are posted to the app (src/admission/vap*.test.ts).

export function policyYaml(
  name: string,
  spec: string,
  binding = 'validationActions: [Deny]',
): string {
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

export const PODS = `matchConstraints:
  resourceRules:
    - { apiGroups: [''], apiVersions: [v1], operations: [CREATE, UPDATE, DELETE], resources: [pods] }`;

export async function app(
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

export function pod(extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'team', labels: { app: 'web' } },
    spec: { containers: [{ name: 'app', image: 'registry.example.com/app:1.0', ...container }] },
    ...extra,
  };
}

export async function validate(
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

export const NO_LATEST = `${PODS}
validations:
  - expression: "!object.spec.containers.exists(c, c.image.endsWith(':latest'))"
    messageExpression: "'latest tag: ' + object.spec.containers.filter(c, c.image.endsWith(':latest')).map(c, c.name).join(', ')"`;
