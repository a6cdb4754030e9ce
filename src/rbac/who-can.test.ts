// Cases from upstream's TestSubjectLocator (plugin/pkg/auth/authorizer/rbac/subject_locator_test.go).
import { describe, expect, it } from 'vitest';
import {
  clusterRole,
  clusterRoleBinding,
  role,
  roleBinding,
  scanObjects,
} from './internal/objects.ts';
import { buildRbacIndex } from './rbac-index.ts';
import { whoCan } from './who-can.ts';
import type { WhoCanRequest } from './who-can.ts';

const all = { verbs: ['*'], apiGroups: ['*'], resources: ['*'], nonResourceURLs: ['*'] };

describe('whoCan (upstream TestSubjectLocator)', () => {
  const idx = buildRbacIndex(
    scanObjects([
      clusterRole('admin', [all]),
      clusterRoleBinding('admin', 'admin', ['User:super-admin', 'Group:super-admins']),
      role('ns1', 'admin', [{ verbs: ['get'], apiGroups: ['*'], resources: ['Pods'] }]),
      roleBinding('ns1', 'local', 'Role:admin', ['User:admin', 'Group:admins']),
      roleBinding('ns1', 'cluster', 'ClusterRole:admin', ['ServiceAccount:robot']),
    ]),
  );
  const names = (request: WhoCanRequest) =>
    whoCan(idx, request).grants.map(
      (g) => `${g.subject.kind}:${g.subject.namespace ?? ''}/${g.subject.name}`,
    );

  it('local roles work in their namespace', () => {
    expect(names({ verb: 'get', resource: 'Pods', namespace: 'ns1' })).toEqual([
      'Group:/admins',
      'Group:/super-admins',
      'User:/admin',
      'User:/super-admin',
      'ServiceAccount:ns1/robot',
    ]);
  });

  it('verbs match exactly', () => {
    expect(names({ verb: 'create', resource: 'Pods', namespace: 'ns1' })).toEqual([
      'Group:/super-admins',
      'User:/super-admin',
      'ServiceAccount:ns1/robot',
    ]);
  });

  it('a binding only works in its namespace, and a cluster-wide request only sees ClusterRoleBindings', () => {
    expect(names({ verb: 'get', resource: 'Pods', namespace: 'ns2' })).toEqual([
      'Group:/super-admins',
      'User:/super-admin',
    ]);
    expect(names({ verb: '*', resource: 'Pods' })).toEqual([
      'Group:/super-admins',
      'User:/super-admin',
    ]);
  });

  it('names the grant and lists bindings whose role is missing', () => {
    const result = whoCan(
      buildRbacIndex(
        scanObjects([
          clusterRoleBinding('dangling', 'nope', ['User:x']),
          roleBinding('other', 'b', 'Role:r', ['User:y']),
        ]),
      ),
      { verb: 'get', resource: 'pods' },
    );
    expect(result.grants).toEqual([]);
    expect(result.superuserGroup).toBe('system:masters');
    expect(result.unresolved).toEqual([
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', name: 'dangling' },
    ]);
    const grant = whoCan(idx, { verb: 'get', resource: 'Pods', namespace: 'ns1' }).grants[0];
    expect(grant).toMatchObject({
      binding: { name: 'local', namespace: 'ns1' },
      role: { kind: 'Role', name: 'admin' },
      ruleIndex: 0,
    });
  });

  it('leaves out subjects that name no one', () => {
    const result = whoCan(
      buildRbacIndex(
        scanObjects([
          clusterRole('r', [all]),
          clusterRoleBinding('b', 'r', ['ServiceAccount:no-namespace', 'Robot:x', 'User:ok']),
        ]),
      ),
      { verb: 'get', resource: 'pods' },
    );
    expect(result.grants.map((g) => g.subject.name)).toEqual(['ok']);
  });
});
