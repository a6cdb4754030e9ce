import type { ObjectPath } from '../../../engine/finding.ts';
import type { Inventory } from '../../../model/inventory.ts';
import type { KubeObject } from '../../../model/kube-object.ts';
import type { PodSpecRef } from '../../../model/pod-spec.ts';
import { effectiveNamespace } from '../../../model/scope.ts';
import type { Rec } from './values.ts';
import { asArray, asRecord } from './values.ts';

/** The service account a pod runs as, and where the manifest names it. */
export interface AccountRef {
  name: string;
  namespace: string;
  /** `serviceAccountName` (or the deprecated `serviceAccount`); the missing field when unnamed. */
  path: ObjectPath;
  explicit: boolean;
}

export function accountOf(object: KubeObject, pod: PodSpecRef): AccountRef {
  const spec = pod.spec as unknown as Rec;
  const namespace = effectiveNamespace(object) ?? 'default';
  for (const field of ['serviceAccountName', 'serviceAccount'] as const) {
    const name = spec[field];
    if (typeof name === 'string' && name !== '') {
      return { name, namespace, path: [...pod.path, field], explicit: true };
    }
  }
  return { name: 'default', namespace, path: [...pod.path, 'serviceAccountName'], explicit: false };
}

/** The ServiceAccount object, when the scanned input has it. */
export function accountObject(inventory: Inventory, account: AccountRef): KubeObject | undefined {
  return inventory.get('ServiceAccount', account.namespace, account.name)?.object;
}

/**
 * Whether the kubelet mounts an API token into the pod: the pod's `automountServiceAccountToken`
 * wins, else the ServiceAccount's, else true.
 */
export function tokenMounted(pod: PodSpecRef, account: KubeObject | undefined): boolean {
  const own = (pod.spec as unknown as Rec).automountServiceAccountToken;
  if (typeof own === 'boolean') return own;
  return account?.automountServiceAccountToken !== false;
}

const BOUND = Symbol('workload/bound-service-accounts');

/** `namespace/name` of every ServiceAccount a RoleBinding or ClusterRoleBinding of the input names. */
export function boundAccounts(inventory: Inventory): ReadonlySet<string> {
  return inventory.memo(BOUND, (inv) => {
    const bound = new Set<string>();
    for (const kind of [
      'rbac.authorization.k8s.io/RoleBinding',
      'rbac.authorization.k8s.io/ClusterRoleBinding',
    ]) {
      for (const item of inv.ofKind(kind)) {
        // A RoleBinding's subjects default to its own namespace; ClusterRoleBindings have none.
        const bindingNamespace = effectiveNamespace(item.object);
        for (const subject of asArray(item.object.subjects)) {
          const rec = asRecord(subject);
          if (rec?.kind !== 'ServiceAccount' || typeof rec.name !== 'string') continue;
          const ns =
            typeof rec.namespace === 'string' && rec.namespace !== ''
              ? rec.namespace
              : bindingNamespace;
          if (ns !== undefined) bound.add(`${ns}/${rec.name}`);
        }
      }
    }
    return bound;
  });
}
