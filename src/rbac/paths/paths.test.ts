import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../model/kube-object.ts';
import { Inventory } from '../../model/inventory.ts';
import { pathsDot, pathsJson, pathsText } from '../format/paths.ts';
import { privilegedNamespacesOf } from '../grant-scope.ts';
import {
  clusterRole,
  clusterRoleBinding,
  role,
  roleBinding,
  scanObjects,
} from '../internal/objects.ts';
import { buildRbacIndex } from '../rbac-index.ts';
import { workloadsOf } from '../workloads.ts';
import { buildEscalationGraph } from './graph.ts';
import { shortestPaths } from './search.ts';
import type { PathSearchOptions } from './search.ts';

function deployment(
  namespace: string,
  name: string,
  serviceAccount: string,
  automount?: boolean,
): KubeObject {
  const spec: Record<string, unknown> = {
    serviceAccountName: serviceAccount,
    containers: [{ name: 'app', image: 'app:1' }],
  };
  if (automount !== undefined) spec.automountServiceAccountToken = automount;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { selector: {}, template: { spec } },
  };
}

function paths(objects: KubeObject[], options: PathSearchOptions = {}) {
  const items = scanObjects(objects);
  const inventory = new Inventory(items);
  const graph = buildEscalationGraph({
    index: buildRbacIndex(items, 'none'),
    workloads: workloadsOf(inventory),
    privileged: privilegedNamespacesOf(inventory),
  });
  return { graph, paths: shortestPaths(graph, options) };
}

const admin = clusterRole('admin-everything', [
  { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
]);

describe('escalation paths', () => {
  it('create pods in a namespace → run as any account there → that account is cluster-admin', () => {
    const { paths: found } = paths([
      admin,
      clusterRoleBinding('ops', 'admin-everything', ['ServiceAccount:ops/robot']),
      role('ops', 'deployer', [
        { verbs: ['create'], apiGroups: ['apps'], resources: ['deployments'] },
      ]),
      roleBinding('ops', 'deployer', 'Role:deployer', ['User:dev']),
      deployment('web', 'frontend', 'web'),
      role('web', 'exec', [{ verbs: ['create'], apiGroups: [''], resources: ['pods/exec'] }]),
      roleBinding('web', 'exec', 'Role:exec', ['ServiceAccount:web/web']),
      roleBinding('ops', 'exec-into-ops', 'Role:deployer', ['ServiceAccount:web/web']),
    ]);
    const summary = found.map((p) => `${p.from.id}: ${p.steps.map((s) => s.to).join(' > ')}`);
    expect(summary).toEqual([
      'ServiceAccount:ops/robot: ClusterAdmin',
      'ServiceAccount:web/web: NamespaceAccounts:ops > ServiceAccount:ops/robot > ClusterAdmin',
      'User:dev: NamespaceAccounts:ops > ServiceAccount:ops/robot > ClusterAdmin',
      'Workload:Deployment/web/frontend: ServiceAccount:web/web > NamespaceAccounts:ops > ServiceAccount:ops/robot > ClusterAdmin',
    ]);
    const dev = found.find((p) => p.from.id === 'User:dev');
    expect(dev?.steps[0]).toMatchObject({
      action:
        'create pods (or workloads that make them) in namespace ops, running as any service account there',
      grant: {
        binding: { kind: 'RoleBinding', name: 'deployer', namespace: 'ops' },
        role: { kind: 'Role', name: 'deployer' },
        ruleIndex: 0,
      },
    });
  });

  it('follows bind, impersonation, nodes/proxy, token requests and exec', () => {
    const rbac = 'rbac.authorization.k8s.io';
    const { paths: found } = paths([
      clusterRole('binder', [
        { verbs: ['bind'], apiGroups: [rbac], resources: ['clusterroles'] },
        { verbs: ['create'], apiGroups: [rbac], resources: ['clusterrolebindings'] },
      ]),
      clusterRoleBinding('binder', 'binder', ['User:binder']),
      clusterRole('imp', [{ verbs: ['impersonate'], apiGroups: [''], resources: ['groups'] }]),
      clusterRoleBinding('imp', 'imp', ['User:imp']),
      clusterRole('kubelet-api', [{ verbs: ['get'], apiGroups: [''], resources: ['nodes/proxy'] }]),
      clusterRoleBinding('kubelet-api', 'kubelet-api', ['User:scraper']),
      admin,
      clusterRoleBinding('ctl', 'admin-everything', ['ServiceAccount:infra/controller']),
      deployment('infra', 'controller', 'controller'),
      role('infra', 'tokens', [
        {
          verbs: ['create'],
          apiGroups: [''],
          resources: ['serviceaccounts/token'],
          resourceNames: ['controller'],
        },
      ]),
      roleBinding('infra', 'tokens', 'Role:tokens', ['User:minter']),
      role('infra', 'exec', [{ verbs: ['create'], apiGroups: [''], resources: ['pods/exec'] }]),
      roleBinding('infra', 'exec', 'Role:exec', ['Group:oncall']),
    ]);
    const first = (id: string) => found.find((p) => p.from.id === id)?.steps.map((s) => s.action);
    expect(first('User:binder')).toEqual(['bind ClusterRole cluster-admin to itself (bind)']);
    expect(first('User:imp')).toEqual(['impersonate group system:masters']);
    expect(first('User:scraper')).toEqual([
      "exec into any pod through the kubelet's API (nodes/proxy)",
      'read the service-account tokens of the pods on the node',
      'use the token in the pods of Deployment infra/controller',
      'do anything cluster-wide',
    ]);
    expect(first('User:minter')).toEqual([
      'request a token for service account controller',
      'do anything cluster-wide',
    ]);
    expect(first('Group:oncall')).toEqual([
      'exec into any pod in namespace infra',
      'use the token in the pods of Deployment infra/controller',
      'do anything cluster-wide',
    ]);
  });

  it('a workload without its token mounted leads nowhere; bootstrap-only subjects are not starts', () => {
    const { paths: found } = paths([
      admin,
      clusterRoleBinding('ctl', 'admin-everything', ['ServiceAccount:infra/controller']),
      deployment('infra', 'controller', 'controller', false),
    ]);
    expect(found.map((p) => p.from.id)).toEqual(['ServiceAccount:infra/controller']);
    const items = scanObjects([]);
    const inventory = new Inventory(items);
    const graph = buildEscalationGraph({
      index: buildRbacIndex(items, 'all'),
      workloads: workloadsOf(inventory),
      privileged: privilegedNamespacesOf(inventory),
    });
    expect(graph.starts).toEqual([]);
    expect(graph.edges.get('Group:system:masters')?.[0]?.to).toBe('ClusterAdmin');
  });

  it('skips EKS-only steps unless asked, and honours --from and the step limit', () => {
    const objects = [
      role('kube-system', 'aws-auth', [
        {
          verbs: ['patch'],
          apiGroups: [''],
          resources: ['configmaps'],
          resourceNames: ['aws-auth'],
        },
      ]),
      roleBinding('kube-system', 'aws-auth', 'Role:aws-auth', ['User:eks-admin']),
    ];
    expect(paths(objects).paths).toEqual([]);
    expect(paths(objects, { providers: ['eks'] }).paths.map((p) => p.steps[0]?.provider)).toEqual([
      'eks',
    ]);
    const chain = [
      admin,
      clusterRoleBinding('ctl', 'admin-everything', ['ServiceAccount:infra/controller']),
      deployment('infra', 'controller', 'controller'),
      deployment('infra', 'other', 'controller'),
    ];
    expect(paths(chain, { from: 'other' }).paths.map((p) => p.from.id)).toEqual([
      'Workload:Deployment/infra/other',
    ]);
    expect(paths(chain, { maxSteps: 1 }).paths.map((p) => p.from.id)).toEqual([
      'ServiceAccount:infra/controller',
    ]);
  });

  it('formats paths as text, JSON and Graphviz DOT', () => {
    const { graph, paths: found } = paths([
      admin,
      clusterRoleBinding('ctl', 'admin-everything', ['ServiceAccount:infra/controller']),
      deployment('infra', 'controller', 'controller'),
    ]);
    expect(pathsText(found)).toBe(
      [
        'ServiceAccount infra/controller → cluster-admin in 1 step',
        '  1. do anything cluster-wide',
        '     via ClusterRoleBinding ctl → ClusterRole admin-everything (rule 0)',
        '',
        'Deployment infra/controller → cluster-admin in 2 steps',
        '  1. run its pods as infra/controller with the token mounted',
        '  2. do anything cluster-wide',
        '     via ClusterRoleBinding ctl → ClusterRole admin-everything (rule 0)',
        '',
      ].join('\n'),
    );
    expect(pathsText([])).toContain('No subject or workload');
    expect(JSON.parse(pathsJson(found))).toMatchObject({
      paths: [{ from: { id: 'ServiceAccount:infra/controller' } }, {}],
    });
    const dot = pathsDot(found, graph.nodes);
    expect(dot).toContain('digraph escalation {');
    expect(dot).toContain(
      '"Workload:Deployment/infra/controller" [label="Deployment infra/controller", shape=box];',
    );
    expect(dot).toContain(
      '"ServiceAccount:infra/controller" -> "ClusterAdmin" [label="do anything cluster-wide\\nvia ClusterRoleBinding ctl → ClusterRole admin-everything (rule 0)"];',
    );
  });
});
