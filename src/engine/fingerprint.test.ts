import { describe, expect, it } from 'vitest';
import { fingerprintOf, formatPath } from './fingerprint.ts';

// Fingerprints key baselines and suppressions across runs and versions: these values are pinned.
describe('fingerprintOf', () => {
  it('is stable across versions', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'prod',
      name: 'web',
    };
    const path = ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'];
    expect(fingerprintOf('pss-privileged', deployment, path)).toBe(
      'b42d8f8c9425fe3517e1638371ee97a4',
    );
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'admin' };
    expect(fingerprintOf('rbac-wildcard', role, ['rules', 2, 'verbs'], '*')).toBe(
      '54547ff2ed1157bb7103194ad6b97c4c',
    );
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'é', name: 'cfg' };
    expect(fingerprintOf('x', configMap, ['data', 'app.properties', 'weird key', 3], 'd')).toBe(
      '676fde211440d4e28fa5849128d05a9a',
    );
    expect(fingerprintOf('empty', { apiVersion: 'v1', kind: 'Pod', name: '' }, [])).toBe(
      'c25f4b62bd3fcfdb0ae72cf455e6c12b',
    );
  });

  it('tells apart what differs only in where a separator falls', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', name: 'ab' };
    const other = { apiVersion: 'v1', kind: 'Pod', namespace: 'a', name: 'b' };
    expect(fingerprintOf('r', pod, ['x'])).not.toBe(fingerprintOf('r', other, ['x']));
    expect(fingerprintOf('r', pod, ['a', 0])).not.toBe(fingerprintOf('r', pod, ['a[0]']));
    expect(fingerprintOf('r', pod, ['x'])).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('formatPath', () => {
  it('writes dotted names, indexes and quoted odd keys', () => {
    expect(formatPath(['spec', 'containers', 0, 'image'])).toBe('spec.containers[0].image');
    expect(formatPath(['metadata', 'labels', 'app.kubernetes.io/name'])).toBe(
      'metadata.labels["app.kubernetes.io/name"]',
    );
    expect(formatPath([])).toBe('');
  });
});
