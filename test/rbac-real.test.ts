// Real answers on published RBAC manifests (../shared/corpus/real, read in place): who can read
// Secrets cluster-wide, through which binding, role and rule; and what the rules and the
// escalation search say about the same objects.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanLoaded } from '../src/engine/scan.ts';
import { defaultSettings } from '../src/engine/settings.ts';
import { DEFAULT_LOAD_OPTIONS, loadSources } from '../src/input/index.ts';
import { Inventory } from '../src/model/inventory.ts';
import {
  bootstrapScanObjects,
  buildEscalationGraph,
  buildRbacIndex,
  privilegedNamespacesOf,
  rbacIndexOf,
  shortestPaths,
  whoCan,
  workloadsOf,
} from '../src/rbac/index.ts';
import type { RbacIndex, WhoCanResult } from '../src/rbac/index.ts';
import { rbacRules } from '../src/rules/rbac/index.ts';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/real/', import.meta.url));

async function load(dir: string) {
  return loadSources([`${CORPUS}${dir}`], { ...DEFAULT_LOAD_OPTIONS, cwd: CORPUS });
}

/** `subject <= binding -> role#rule`, one line per grant. */
function grants(result: WhoCanResult): string[] {
  return result.grants.map((g) => {
    const subject =
      g.subject.kind === 'ServiceAccount'
        ? `ServiceAccount ${g.subject.namespace ?? ''}/${g.subject.name}`
        : `${g.subject.kind} ${g.subject.name}`;
    return `${subject} <= ${g.binding.kind} ${g.binding.name} -> ${g.role.kind} ${g.role.name}#${g.ruleIndex}`;
  });
}

function readers(index: RbacIndex, verb: string): string[] {
  return grants(whoCan(index, { verb, resource: 'secrets' }));
}

describe('who can read Secrets cluster-wide', () => {
  it('kubernetes-bootstrap-rbac: system:masters, the controller manager and three controllers', async () => {
    const index = buildRbacIndex((await load('kubernetes-bootstrap-rbac')).objects);
    expect(readers(index, 'get')).toEqual([
      'Group system:masters <= ClusterRoleBinding cluster-admin -> ClusterRole cluster-admin#0',
      'User system:kube-controller-manager <= ClusterRoleBinding system:kube-controller-manager -> ClusterRole system:kube-controller-manager#5',
      'ServiceAccount kube-system/generic-garbage-collector <= ClusterRoleBinding system:controller:generic-garbage-collector -> ClusterRole system:controller:generic-garbage-collector#0',
      'ServiceAccount kube-system/namespace-controller <= ClusterRoleBinding system:controller:namespace-controller -> ClusterRole system:controller:namespace-controller#2',
      'ServiceAccount kube-system/persistent-volume-binder <= ClusterRoleBinding system:controller:persistent-volume-binder -> ClusterRole system:controller:persistent-volume-binder#7',
    ]);
    // list/watch come from `list, watch` on every resource (rule 9), not from the `get secrets` rule.
    expect(readers(index, 'list')).toContain(
      'User system:kube-controller-manager <= ClusterRoleBinding system:kube-controller-manager -> ClusterRole system:kube-controller-manager#9',
    );
    expect(readers(index, 'watch')).toContain(
      'ServiceAccount kube-system/resourcequota-controller <= ClusterRoleBinding system:controller:resourcequota-controller -> ClusterRole system:controller:resourcequota-controller#0',
    );
  });

  it('argo-cd: the application controller (everything), the ApplicationSet controller and the API server (get on every resource)', async () => {
    const index = buildRbacIndex((await load('argo-cd')).objects);
    expect(readers(index, 'get')).toEqual([
      'ServiceAccount argocd/argocd-application-controller <= ClusterRoleBinding argocd-application-controller -> ClusterRole argocd-application-controller#0',
      'ServiceAccount argocd/argocd-applicationset-controller <= ClusterRoleBinding argocd-applicationset-controller -> ClusterRole argocd-applicationset-controller#4',
      'ServiceAccount argocd/argocd-server <= ClusterRoleBinding argocd-server -> ClusterRole argocd-server#0',
    ]);
    const rule = whoCan(index, { verb: 'get', resource: 'secrets' }).grants[2]?.rule;
    expect(rule).toMatchObject({
      verbs: ['delete', 'get', 'patch'],
      apiGroups: ['*'],
      resources: ['*'],
    });
    expect(readers(index, 'list').map((line) => line.split(' <= ')[0])).toEqual([
      'ServiceAccount argocd/argocd-application-controller',
      'ServiceAccount argocd/argocd-applicationset-controller',
    ]);
  });

  it('kube-prometheus: the operator gets them, kube-state-metrics lists and watches them', async () => {
    const index = buildRbacIndex((await load('kube-prometheus')).objects);
    expect(readers(index, 'get')).toEqual([
      'ServiceAccount monitoring/prometheus-operator <= ClusterRoleBinding prometheus-operator -> ClusterRole prometheus-operator#2',
    ]);
    expect(readers(index, 'list')).toEqual([
      'ServiceAccount monitoring/kube-state-metrics <= ClusterRoleBinding kube-state-metrics -> ClusterRole kube-state-metrics#0',
      'ServiceAccount monitoring/prometheus-operator <= ClusterRoleBinding prometheus-operator -> ClusterRole prometheus-operator#2',
    ]);
  });

  it('the shipped v1.37.2 defaults: the persistent-volume binder no longer reads Secrets', () => {
    expect(readers(buildRbacIndex([], 'all'), 'get').map((line) => line.split(' <= ')[0])).toEqual([
      'Group system:masters',
      'User system:kube-controller-manager',
      'ServiceAccount kube-system/generic-garbage-collector',
      'ServiceAccount kube-system/namespace-controller',
    ]);
  });
});

describe('rules and paths on the same manifests', () => {
  it('kube-prometheus: read-secrets names the workloads whose pods hold the grant', async () => {
    const loaded = await load('kube-prometheus');
    const result = scanLoaded(loaded, { rules: rbacRules, settings: defaultSettings() });
    const messages = result.findings
      .filter((f) => f.ruleId === 'rbac-read-secrets')
      .map((f) => `${f.severity} ${f.message}`);
    expect(messages).toEqual([
      'critical ClusterRole "kube-state-metrics" lets ServiceAccount monitoring/kube-state-metrics (pods of Deployment monitoring/kube-state-metrics) read Secrets cluster-wide.',
      'critical ClusterRole "prometheus-operator" lets ServiceAccount monitoring/prometheus-operator (pods of Deployment monitoring/prometheus-operator) read Secrets cluster-wide.',
    ]);
  });

  it('argo-cd: the application controller is cluster-admin in one step', async () => {
    const inventory = new Inventory((await load('argo-cd')).objects);
    const graph = buildEscalationGraph({
      index: rbacIndexOf(inventory, 'none'),
      workloads: workloadsOf(inventory),
      privileged: privilegedNamespacesOf(inventory),
    });
    const paths = shortestPaths(graph);
    expect(paths[0]?.from.label).toBe('ServiceAccount argocd/argocd-application-controller');
    expect(paths[0]?.steps.map((s) => s.action)).toEqual(['do anything cluster-wide']);
  });

  it('kube-prometheus with the default roles: the operator creates a pod as the CSR approver and mints a system:masters certificate', async () => {
    const loaded = await load('kube-prometheus');
    const inventory = new Inventory([
      ...loaded.objects,
      ...bootstrapScanObjects(loaded.objects, loaded.objects.length),
    ]);
    const graph = buildEscalationGraph({
      index: rbacIndexOf(inventory, 'none'),
      workloads: workloadsOf(inventory),
      privileged: privilegedNamespacesOf(inventory),
    });
    const path = shortestPaths(graph, { from: 'ServiceAccount monitoring/prometheus-operator' })[0];
    expect(path?.steps.map((s) => s.to)).toEqual([
      'NamespaceAccounts:*',
      'ServiceAccount:kube-system/certificate-controller',
      'ClusterAdmin',
    ]);
    expect(path?.steps[0]?.grant).toMatchObject({
      binding: { name: 'prometheus-operator' },
      role: { name: 'prometheus-operator' },
      ruleIndex: 1,
    });
  });
});
