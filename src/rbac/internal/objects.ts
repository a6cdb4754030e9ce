// Builders for RBAC objects in wire format, for tests and benchmarks that generate clusters.
import type { KubeObject, ScanObject } from '../../model/kube-object.ts';
import { refOf } from '../../model/kube-object.ts';

const API = 'rbac.authorization.k8s.io/v1';

export interface RuleSpec {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** `User:alice`, `Group:devs`, `ServiceAccount:ns/name` or `ServiceAccount:name` (no namespace). */
export function subject(spec: string): Record<string, string> {
  const [kind = '', rest = ''] = spec.split(/:(.*)/s);
  if (kind !== 'ServiceAccount') return { kind, apiGroup: 'rbac.authorization.k8s.io', name: rest };
  const slash = rest.indexOf('/');
  return slash < 0
    ? { kind, name: rest }
    : { kind, namespace: rest.slice(0, slash), name: rest.slice(slash + 1) };
}

export function clusterRole(
  name: string,
  rules: RuleSpec[],
  extra: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: API,
    kind: 'ClusterRole',
    ...extra,
    metadata: { name, ...(extra.metadata as object) },
    rules,
  };
}

export function role(namespace: string, name: string, rules: RuleSpec[]): KubeObject {
  return { apiVersion: API, kind: 'Role', metadata: { name, namespace }, rules };
}

export function clusterRoleBinding(name: string, roleName: string, subjects: string[]): KubeObject {
  return {
    apiVersion: API,
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
    subjects: subjects.map(subject),
  };
}

/** `roleRef` is `Role:name` or `ClusterRole:name`. */
export function roleBinding(
  namespace: string,
  name: string,
  roleRef: string,
  subjects: string[],
): KubeObject {
  const [kind = '', roleName = ''] = roleRef.split(':');
  return {
    apiVersion: API,
    kind: 'RoleBinding',
    metadata: { name, namespace },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind, name: roleName },
    subjects: subjects.map(subject),
  };
}

/** Wraps objects as scan objects that came from a cluster (no file positions). */
export function scanObjects(objects: readonly KubeObject[]): ScanObject[] {
  return objects.map((object, seq) => ({
    object,
    ref: refOf(object),
    origin: { source: 'cluster' },
    seq,
  }));
}
