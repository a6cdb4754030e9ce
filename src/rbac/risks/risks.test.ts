import { describe, expect, it } from 'vitest';
import {
  clusterRole,
  clusterRoleBinding,
  role,
  roleBinding,
  scanObjects,
} from '../internal/objects.ts';
import { buildRbacIndex } from '../rbac-index.ts';
import { buildWorkloadIndex } from '../workloads.ts';
import { assessRole } from './assess.ts';
import { CAPABILITIES, isClusterAdminRule, matchedProbes } from './capabilities.ts';
import { describeGrantees, granteesOf } from './grantees.ts';
import { readRule } from '../read.ts';

const privileged = (ns: string) => ns === 'kube-system';

describe('risk assessment', () => {
  it('matches capabilities with the authorizer: wildcards count, resourceNames narrow', () => {
    const rule = (r: Record<string, unknown>) => readRule(r);
    expect(
      matchedProbes(
        CAPABILITIES.readSecrets,
        rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }),
      ),
    ).toHaveLength(3);
    expect(
      matchedProbes(
        CAPABILITIES.readSecrets,
        rule({ verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['a'] }),
      ),
    ).toEqual([]);
    expect(
      matchedProbes(
        CAPABILITIES.impersonate,
        rule({
          verbs: ['impersonate'],
          apiGroups: [''],
          resources: ['users'],
          resourceNames: ['a'],
        }),
      ),
    ).toHaveLength(1);
    expect(
      matchedProbes(
        CAPABILITIES.execAttach,
        rule({ verbs: ['get'], apiGroups: [''], resources: ['pods/*'] }),
      ),
    ).toEqual([]);
    expect(isClusterAdminRule(rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }))).toBe(
      true,
    );
    expect(isClusterAdminRule(rule({ verbs: ['*'], apiGroups: [''], resources: ['*'] }))).toBe(
      false,
    );
    expect(
      matchedProbes(
        CAPABILITIES.deleteAnything,
        rule({ verbs: ['deletecollection'], apiGroups: [''], resources: ['*'] }),
      ),
    ).toHaveLength(1);
  });

  it('scopes a role by its broadest binding, through aggregation, and drops cluster-scoped grants made by RoleBindings', () => {
    const index = buildRbacIndex(
      scanObjects([
        clusterRole(
          'piece',
          [{ verbs: ['get'], apiGroups: [''], resources: ['secrets', 'nodes/proxy'] }],
          { metadata: { labels: { agg: 'x' } } },
        ),
        clusterRole('top', [], {
          aggregationRule: { clusterRoleSelectors: [{ matchLabels: { agg: 'x' } }] },
        }),
        roleBinding('kube-system', 'a', 'ClusterRole:piece', ['User:a']),
        roleBinding('team', 'b', 'ClusterRole:top', ['User:b']),
        role('kube-system', 'local', [{ verbs: ['get'], apiGroups: [''], resources: ['secrets'] }]),
      ]),
    );
    const piece = index.roles.get('ClusterRole/piece');
    const rule = piece?.ownRules[0];
    if (piece === undefined || rule === undefined) throw new Error('fixture');
    const secrets = assessRole(
      index,
      piece,
      matchedProbes(CAPABILITIES.readSecrets, rule),
      privileged,
    );
    expect(secrets).toMatchObject({ scope: 'privileged', bound: true });
    expect(
      secrets?.grants.map((g) => `${g.binding.name} ${g.scope} ${g.via?.name ?? '-'}`),
    ).toEqual(['a privileged -', 'b namespace top']);
    expect(
      assessRole(index, piece, matchedProbes(CAPABILITIES.nodesProxy, rule), privileged),
    ).toBeUndefined();
    const local = index.roles.get('Role/kube-system/local');
    if (local === undefined) throw new Error('fixture');
    expect(
      assessRole(
        index,
        local,
        matchedProbes(CAPABILITIES.readSecrets, local.rules[0] ?? rule),
        privileged,
      ),
    ).toMatchObject({ scope: 'privileged', bound: false });
  });

  it('describes grantees with their workloads, and the special groups in words', () => {
    const workloads = buildWorkloadIndex(
      scanObjects([
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web', namespace: 'shop' },
          spec: { template: { spec: { serviceAccountName: 'web', containers: [] } } },
        },
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'api', namespace: 'shop' },
          spec: { template: { spec: { serviceAccountName: 'web', containers: [] } } },
        },
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata: { name: 'once', namespace: 'shop' },
          spec: { template: { spec: { serviceAccountName: 'web', containers: [] } } },
        },
      ]),
    );
    const index = buildRbacIndex(
      scanObjects([
        clusterRoleBinding('b', 'r', [
          'ServiceAccount:shop/web',
          'Group:system:serviceaccounts:shop',
          'Group:system:authenticated',
          'User:u',
          'Group:g',
        ]),
      ]),
    );
    const grantees = granteesOf(index.bindings, workloads);
    expect(describeGrantees(grantees.slice(0, 1))).toBe(
      'ServiceAccount shop/web (pods of Deployment shop/web, Deployment shop/api and 1 more)',
    );
    expect(grantees.map((g) => g.subject).slice(1, 3)).toEqual([
      'every service account in shop (Group system:serviceaccounts:shop)',
      'every authenticated user (Group system:authenticated)',
    ]);
    expect(describeGrantees(grantees)).toMatch(/ and 2 more$/);
    expect(describeGrantees([])).toBe('no subject in the input');
  });
});
