import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Fixture } from './vap-fixtures.ts';
import type { WireObject } from './objects.ts';

interface EdgeCase {
  name: string;
  binding?: Record<string, unknown>;
  params?: WireObject[];
  namespaceSelector?: unknown;
  excludeResourceRules?: unknown[];
  [field: string]: unknown;
}

/** The label of a Pod that selects its edge case's binding. */
export const EDGE_LABEL = 'e2e-edge';
const API = 'admissionregistration.k8s.io/v1';
const PODS = { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] };

/**
 * vap-edge-cases.yaml as one fixture: a policy and a binding per case (suffixed, bound to the
 * namespaces labelled `label=edge-cases` and to Pods labelled for the case), params in
 * `namespace`, and one Pod per case. There is no expected.yaml: only the server judges.
 */
export function edgeFixture(opts: { suffix: string; namespace: string; label: string }): Fixture {
  const text = readFileSync(path.join(import.meta.dirname, 'vap-edge-cases.yaml'), 'utf8');
  const cases = parse(text) as EdgeCase[];
  const install: WireObject[] = [];
  const objects: Fixture['cases'] = [];
  for (const c of cases) {
    const { name, binding, params, namespaceSelector, excludeResourceRules, ...spec } = c;
    const full = `edge-${name}-${opts.suffix}`;
    for (const p of params ?? [])
      install.unshift({ ...p, metadata: { ...p.metadata, namespace: opts.namespace } });
    install.push({
      apiVersion: API,
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name: full },
      spec: {
        matchConstraints: {
          resourceRules: [PODS],
          ...(namespaceSelector === undefined ? {} : { namespaceSelector }),
          ...(excludeResourceRules === undefined ? {} : { excludeResourceRules }),
        },
        ...spec,
      },
    });
    install.push({
      apiVersion: API,
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name: full },
      spec: {
        policyName: full,
        validationActions: ['Deny'],
        ...binding,
        matchResources: {
          namespaceSelector: { matchLabels: { [opts.label]: 'edge-cases' } },
          objectSelector: { matchLabels: { [EDGE_LABEL]: name } },
        },
      },
    });
    objects.push({
      file: name,
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: opts.namespace, labels: { [EDGE_LABEL]: name } },
        spec: { containers: [{ name: 'app', image: 'registry.example.com/app:1.0' }] },
      },
    });
  }
  return {
    name: 'edge-cases',
    install,
    cases: objects,
    expected: {},
    namespaces: [opts.namespace],
  };
}
