// Cases from upstream's TestAuthorizer (plugin/pkg/auth/authorizer/rbac/rbac_test.go) and
// TestAppliesTo (pkg/registry/rbac/validation/rule_test.go), plus the API server's extras.
import { describe, expect, it } from 'vitest';
import { authorize } from './authorize.ts';
import {
  clusterRole,
  clusterRoleBinding,
  role,
  roleBinding,
  scanObjects,
} from './internal/objects.ts';
import type { KubeObject } from '../model/kube-object.ts';
import { buildRbacIndex } from './rbac-index.ts';
import type { RbacIndex } from './rbac-index.ts';
import type { AccessAttributes } from './types.ts';
import { userGroups } from './subjects.ts';

const all = { verbs: ['*'], apiGroups: ['*'], resources: ['*'], nonResourceURLs: ['*'] };

function index(...objects: KubeObject[]): RbacIndex {
  return buildRbacIndex(scanObjects(objects));
}

function can(
  idx: RbacIndex,
  user: string,
  groups: string[],
  verb: string,
  resource: string,
  namespace = '',
  subresource = '',
): boolean {
  return authorize(idx, { user, groups, verb, resource, subresource, namespace, apiGroup: '' })
    .allowed;
}

describe('authorize (upstream TestAuthorizer)', () => {
  it('a RoleBinding to a ClusterRole grants only in its namespace', () => {
    const idx = index(
      clusterRole('admin', [all]),
      roleBinding('ns1', 'b', 'ClusterRole:admin', ['User:admin', 'Group:admins']),
    );
    expect(can(idx, 'admin', [], 'get', 'Pods', 'ns1')).toBe(true);
    expect(can(idx, 'admin', [], 'watch', 'Pods', 'ns1')).toBe(true);
    expect(can(idx, 'admin', ['group1'], 'watch', 'Foobar', 'ns1')).toBe(true);
    expect(can(idx, 'joe', ['admins'], 'watch', 'Foobar', 'ns1')).toBe(true);
    expect(can(idx, 'joe', ['group1', 'admins'], 'watch', 'Foobar', 'ns1')).toBe(true);
    expect(can(idx, 'admin', [], 'GET', 'Pods', 'ns2')).toBe(false);
    expect(can(idx, 'admin', [], 'GET', 'Nodes', '')).toBe(false);
    expect(can(idx, 'admin', ['admins'], 'GET', 'Pods', 'ns2')).toBe(false);
  });

  it('non-resource URLs are granted by ClusterRoleBindings', () => {
    const idx = index(
      clusterRole('getter', [{ verbs: ['get'], nonResourceURLs: ['/apis'] }]),
      clusterRole('any', [{ verbs: ['*'], nonResourceURLs: ['/apis'] }]),
      clusterRole('prefix', [{ verbs: ['get'], nonResourceURLs: ['/apis/*'] }]),
      clusterRoleBinding('getter', 'getter', ['User:foo', 'Group:bar']),
      clusterRoleBinding('any', 'any', ['User:admin', 'Group:admin']),
      clusterRoleBinding('prefix', 'prefix', ['User:prefixed', 'Group:prefixed']),
    );
    const url = (user: string, groups: string[], verb: string, path: string) =>
      authorize(idx, { user, groups, verb, path }).allowed;
    expect(url('foo', [], 'get', '/apis')).toBe(true);
    expect(url('', ['bar'], 'get', '/apis')).toBe(true);
    expect(url('admin', [], 'watch', '/apis')).toBe(true);
    expect(url('prefixed', [], 'get', '/apis/v1/foobar')).toBe(true);
    expect(url('foo', [], 'watch', '/apis')).toBe(false);
    expect(url('foo', [], 'get', '/api/v1')).toBe(false);
    expect(url('prefixed', [], 'get', '/api/v1')).toBe(false);
  });

  it('resolves subresources', () => {
    const idx = index(
      clusterRole('admin', [
        { verbs: ['*'], apiGroups: ['*'], resources: ['pods/status', '*/scale'] },
      ]),
      roleBinding('ns1', 'b', 'ClusterRole:admin', ['User:admin']),
    );
    expect(can(idx, 'admin', [], 'get', 'pods', 'ns1', 'status')).toBe(true);
    expect(can(idx, 'admin', [], 'get', 'deployments', 'ns1', 'scale')).toBe(true);
    expect(can(idx, 'admin', [], 'get', 'pods', 'ns1')).toBe(false);
  });
});

describe('subjects (upstream TestAppliesTo and the API server)', () => {
  const idx = index(
    clusterRole('reader', [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]),
    clusterRoleBinding('star', 'reader', ['User:*']),
    clusterRoleBinding('sa', 'reader', [
      'User:barfoo',
      'Group:foobar',
      'ServiceAccount:kube-system/default',
    ]),
    clusterRoleBinding('sa-without-namespace', 'reader', ['ServiceAccount:lost']),
    roleBinding('team', 'local-sa', 'ClusterRole:reader', ['ServiceAccount:builder']),
    clusterRoleBinding('everyone', 'reader', [
      'Group:system:authenticated',
      'Group:system:unauthenticated',
    ]),
  );
  const get = (attrs: Partial<AccessAttributes>) =>
    authorize(idx, { user: '', groups: [], verb: 'get', resource: 'pods', ...attrs });

  it('`*` as a user name matches no one', () => {
    expect(get({ user: 'foobar' }).allowed).toBe(false);
  });

  it('matches a service account by its user name, in any namespace of the request', () => {
    const decision = get({
      user: 'system:serviceaccount:kube-system:default',
      namespace: 'default',
    });
    expect(decision.allowed).toBe(true);
    expect(decision.message).toBe(
      'RBAC: allowed by ClusterRoleBinding "sa" of ClusterRole "reader" to ServiceAccount "default/kube-system"',
    );
  });

  it("a ClusterRoleBinding's service account without a namespace matches no one", () => {
    expect(get({ user: 'system:serviceaccount:default:lost' }).allowed).toBe(false);
  });

  it("a RoleBinding's service account without a namespace is in the binding's namespace", () => {
    expect(get({ user: 'system:serviceaccount:team:builder', namespace: 'team' }).allowed).toBe(
      true,
    );
    expect(get({ user: 'system:serviceaccount:other:builder', namespace: 'team' }).allowed).toBe(
      false,
    );
    expect(get({ user: 'system:serviceaccount:team:builder', namespace: '' }).allowed).toBe(false);
  });

  it('matches system:authenticated and system:unauthenticated only when the groups carry them', () => {
    expect(get({ user: 'anyone' }).allowed).toBe(false);
    expect(get({ user: 'anyone', groups: userGroups('anyone') }).allowed).toBe(true);
    expect(get({ user: 'system:anonymous', groups: userGroups('system:anonymous') }).allowed).toBe(
      true,
    );
    expect(get({ user: 'anyone', groups: ['system:authenticated'] }).reason).toMatchObject({
      subject: { kind: 'Group', name: 'system:authenticated' },
    });
  });
});

describe('authorize, API server behaviour', () => {
  it('allows system:masters everything, before RBAC', () => {
    const decision = authorize(index(), {
      user: 'root',
      groups: ['system:masters'],
      verb: 'delete',
      resource: 'nodes',
    });
    expect(decision).toEqual({
      allowed: true,
      reason: { kind: 'superuser', group: 'system:masters' },
      message: '',
      errors: [],
    });
  });

  it('a RoleBinding to a Role reads the Role of its own namespace', () => {
    const idx = index(
      role('a', 'r', [{ verbs: ['get'], apiGroups: [''], resources: ['secrets'] }]),
      roleBinding('b', 'x', 'Role:r', ['User:u']),
      roleBinding('a', 'x', 'Role:r', ['User:u']),
    );
    expect(can(idx, 'u', [], 'get', 'secrets', 'a')).toBe(true);
    const denied = authorize(idx, {
      user: 'u',
      groups: [],
      verb: 'get',
      resource: 'secrets',
      namespace: 'b',
    });
    expect(denied).toMatchObject({
      allowed: false,
      message: 'RBAC: role.rbac.authorization.k8s.io "r" not found',
    });
  });

  it('a ClusterRoleBinding to a Role resolves to nothing', () => {
    const binding = clusterRoleBinding('bad', 'r', ['User:u']);
    (binding.roleRef as Record<string, string>).kind = 'Role';
    const idx = index(role('default', 'r', [all]), binding);
    expect(can(idx, 'u', [], 'get', 'pods', 'default')).toBe(false);
  });

  it('names the binding, subject, role and rule that allow, and where an aggregated rule is written', () => {
    const idx = index(
      clusterRole('agg', [], {
        aggregationRule: { clusterRoleSelectors: [{ matchLabels: { x: 'y' } }] },
      }),
      clusterRole('piece', [{ verbs: ['list'], apiGroups: [''], resources: ['nodes'] }], {
        metadata: { labels: { x: 'y' } },
      }),
      clusterRoleBinding('b', 'agg', ['Group:g', 'User:u']),
    );
    const decision = authorize(idx, { user: 'u', groups: ['g'], verb: 'list', resource: 'nodes' });
    expect(decision.reason).toMatchObject({
      kind: 'rbac',
      binding: { kind: 'ClusterRoleBinding', name: 'b' },
      subject: { kind: 'Group', name: 'g' },
      role: { kind: 'ClusterRole', name: 'agg' },
      ruleIndex: 0,
      origin: { role: { name: 'piece' }, ruleIndex: 0 },
    });
    expect(decision.message).toBe(
      'RBAC: allowed by ClusterRoleBinding "b" of ClusterRole "agg" to Group "g"',
    );
  });

  it('reports every missing role on denial', () => {
    const idx = index(
      clusterRoleBinding('a', 'gone', ['User:u']),
      roleBinding('ns', 'b', 'Role:gone', ['User:u']),
    );
    const decision = authorize(idx, {
      user: 'u',
      groups: [],
      verb: 'get',
      resource: 'pods',
      namespace: 'ns',
    });
    expect(decision.message).toBe(
      'RBAC: [clusterrole.rbac.authorization.k8s.io "gone" not found, role.rbac.authorization.k8s.io "gone" not found]',
    );
  });

  it('ignores the namespace of non-resource requests', () => {
    const idx = index(
      clusterRole('h', [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }]),
      roleBinding('ns', 'b', 'ClusterRole:h', ['User:u']),
    );
    expect(
      authorize(idx, { user: 'u', groups: [], verb: 'get', path: '/healthz', namespace: 'ns' })
        .allowed,
    ).toBe(false);
  });
});
