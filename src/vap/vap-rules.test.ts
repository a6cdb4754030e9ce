import { describe, expect, test } from 'vitest';
import { scanLoaded } from '../engine/scan.ts';
import { defaultSettings } from '../engine/settings.ts';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../input/index.ts';
import { vapRules } from './vap-rules.ts';

const POLICY = (name: string, actions: string) => `
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: ${name} }
spec:
  matchConstraints:
    resourceRules:
      - { apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: [pods] }
  validations:
    - expression: "!has(object.spec.hostNetwork) || !object.spec.hostNetwork"
      message: hostNetwork is not allowed
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: ${name}-binding }
spec:
  policyName: ${name}
  validationActions: ${actions}
`;

const PODS = `
apiVersion: v1
kind: Pod
metadata: { name: host, namespace: apps }
spec:
  hostNetwork: true
  containers: [{ name: c, image: nginx:1.0 }]
---
apiVersion: v1
kind: Pod
metadata: { name: plain, namespace: apps }
spec:
  containers: [{ name: c, image: nginx:1.0 }]
`;

function scan(policies: string, reserved: string[] = []) {
  const rules = vapRules(
    loadTexts([{ path: 'policy.yaml', text: policies }], DEFAULT_LOAD_OPTIONS).objects,
    {
      reservedIds: new Set(reserved),
    },
  );
  const loaded = loadTexts([{ path: 'pods.yaml', text: PODS }], DEFAULT_LOAD_OPTIONS);
  return { rules, result: scanLoaded(loaded, { rules, settings: defaultSettings() }) };
}

describe('vapRules', () => {
  test('a violation is a located finding named after the policy, category policy', () => {
    const { result } = scan(POLICY('no-host-network', '[Deny]'));
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      ruleId: 'no-host-network',
      severity: 'high',
      category: 'policy',
      message: 'hostNetwork is not allowed',
      object: { kind: 'Pod', name: 'host' },
      location: { file: 'pods.yaml', line: 2 },
      evidence: { binding: 'no-host-network-binding', action: 'Deny' },
    });
  });

  test('severity follows the binding action: Deny high, Warn medium, Audit low', () => {
    const { result } = scan(POLICY('warned', '[Warn, Audit]'));
    expect(result.findings.map((f) => f.severity).sort()).toEqual(['low', 'medium']);
  });

  test('a policy named like a built-in rule gets the vap: prefix', () => {
    const { rules } = scan(POLICY('container-privileged', '[Deny]'), ['container-privileged']);
    expect(rules.map((r) => r.id)).toEqual(['vap:container-privileged']);
  });

  test('a policy without a binding checks nothing', () => {
    const unbound = POLICY('lonely', '[Deny]').split('---')[0] ?? '';
    expect(scan(unbound).result.findings).toEqual([]);
  });
});
