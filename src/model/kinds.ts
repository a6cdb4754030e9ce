import type { Namespace, Pod, ReplicationController, Service } from 'kubernetes-types/core/v1.js';
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1.js';
import type { CronJob, Job } from 'kubernetes-types/batch/v1.js';
import type {
  ClusterRole,
  ClusterRoleBinding,
  Role,
  RoleBinding,
} from 'kubernetes-types/rbac/v1.js';
import type { Ingress, NetworkPolicy } from 'kubernetes-types/networking/v1.js';
import type { KubeObject } from './kube-object.ts';
import { groupOf, isKubeObject } from './kube-object.ts';

/** Group/Kind keys for the kinds the analyzers read (versions are checked by `isKind`). */
export interface Kinds {
  Pod: Pod;
  Namespace: Namespace;
  Service: Service;
  ReplicationController: ReplicationController;
  'apps/Deployment': Deployment;
  'apps/ReplicaSet': ReplicaSet;
  'apps/StatefulSet': StatefulSet;
  'apps/DaemonSet': DaemonSet;
  'batch/Job': Job;
  'batch/CronJob': CronJob;
  'networking.k8s.io/NetworkPolicy': NetworkPolicy;
  'networking.k8s.io/Ingress': Ingress;
  'rbac.authorization.k8s.io/Role': Role;
  'rbac.authorization.k8s.io/ClusterRole': ClusterRole;
  'rbac.authorization.k8s.io/RoleBinding': RoleBinding;
  'rbac.authorization.k8s.io/ClusterRoleBinding': ClusterRoleBinding;
}

export type Wire<T extends { apiVersion?: string; kind?: string }> = T &
  Required<Pick<T, 'apiVersion' | 'kind'>> &
  KubeObject;

/** `group/Kind` of an object (`Kind` for the core group). */
export function groupKindOf(object: KubeObject): string {
  const group = groupOf(object.apiVersion);
  return group === '' ? object.kind : `${group}/${object.kind}`;
}

/**
 * Narrows an object to a wire-format type by group and kind, whatever its version.
 * @example if (isKind(obj, 'apps/Deployment')) inspect(obj.spec?.template.spec);
 */
export function isKind<G extends keyof Kinds>(
  value: unknown,
  groupKind: G,
): value is Wire<Kinds[G]> {
  return isKubeObject(value) && groupKindOf(value) === groupKind;
}
