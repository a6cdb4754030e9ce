import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  BOOTSTRAP_VERSION,
  bootstrapObjects,
  bootstrapScanObjects,
  isBootstrapObject,
} from './index.ts';
import { clusterRole, scanObjects } from '../internal/objects.ts';

// The Go module cache the e2e build fills; the check is skipped where it is absent.
const GOMODCACHE = process.env.GOMODCACHE ?? `${homedir()}/go/pkg/mod`;
const TESTDATA = `${GOMODCACHE}/k8s.io/kubernetes@${BOOTSTRAP_VERSION}/plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/`;
const FILES = [
  'cluster-roles.yaml',
  'controller-roles.yaml',
  'cluster-role-bindings.yaml',
  'controller-role-bindings.yaml',
  'namespace-roles.yaml',
  'namespace-role-bindings.yaml',
];

describe('bootstrap policy data', () => {
  it.skipIf(!existsSync(TESTDATA))(`equals upstream's testdata of ${BOOTSTRAP_VERSION}`, () => {
    const upstream = FILES.flatMap(
      (f) => (jsYaml.load(readFileSync(TESTDATA + f, 'utf8')) as { items: unknown[] }).items,
    );
    expect(bootstrapObjects()).toEqual(upstream);
  });

  it('holds the well-known roles and bindings', () => {
    const names = new Set(bootstrapObjects().map((o) => `${o.kind}/${o.metadata?.name ?? ''}`));
    for (const name of [
      'ClusterRole/cluster-admin',
      'ClusterRole/admin',
      'ClusterRole/view',
      'ClusterRoleBinding/system:discovery',
    ])
      expect(names.has(name)).toBe(true);
    expect(bootstrapObjects().every((o) => isBootstrapObject(o))).toBe(true);
  });

  it('leaves out objects the input already defines, and numbers the rest after it', () => {
    const input = scanObjects([clusterRole('cluster-admin', [])]);
    const added = bootstrapScanObjects(input, 1);
    expect(
      added.some((o) => o.ref.name === 'cluster-admin' && o.object.kind === 'ClusterRole'),
    ).toBe(false);
    expect(added[0]?.seq).toBe(1);
    expect(added.length).toBe(bootstrapObjects().length - 1);
    expect(isBootstrapObject(input[0]?.object ?? {})).toBe(false);
  });
});
