// Workload → service account linkage: which account each workload's pods run as, and whether
// its token is in the pods (owning a pod then means acting as the account).
import type { ObjectRef } from '../engine/finding.ts';
import type { Inventory } from '../model/inventory.ts';
import type { ScanObject } from '../model/kube-object.ts';
import { isRecord } from '../model/kube-object.ts';
import { podSpecOf } from '../model/pod-spec.ts';
import { effectiveNamespace } from '../model/scope.ts';

export interface WorkloadLink {
  ref: ObjectRef;
  namespace: string;
  /** The pods' service account (`default` when the spec names none). */
  serviceAccount: string;
  /** The account's token is mounted in the pods (automount, or a projected token volume). */
  tokenMounted: boolean;
  item: ScanObject;
}

export interface WorkloadIndex {
  readonly all: readonly WorkloadLink[];
  /** By `namespace/serviceAccount`. */
  readonly byServiceAccount: ReadonlyMap<string, readonly WorkloadLink[]>;
  readonly byNamespace: ReadonlyMap<string, readonly WorkloadLink[]>;
  /** ServiceAccounts of the input, by namespace (with `automountServiceAccountToken` when set). */
  readonly serviceAccounts: ReadonlyMap<string, ReadonlyMap<string, boolean | undefined>>;
  /** Accounts with a legacy token Secret (`kubernetes.io/service-account-token`), by namespace. */
  readonly tokenSecrets: ReadonlyMap<string, ReadonlySet<string>>;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Objects a controller owns (a Deployment's ReplicaSet, its Pods) are represented by their owner. */
function isControlled(item: ScanObject): boolean {
  const owners = item.object.metadata?.ownerReferences;
  return Array.isArray(owners) && owners.some((o) => isRecord(o) && o.controller === true);
}

export function buildWorkloadIndex(items: readonly ScanObject[]): WorkloadIndex {
  const serviceAccounts = new Map<string, Map<string, boolean | undefined>>();
  const tokenSecrets = new Map<string, Set<string>>();
  for (const item of items) {
    const account = tokenSecretAccount(item);
    if (account !== undefined)
      tokenSecrets.set(
        account.namespace,
        (tokenSecrets.get(account.namespace) ?? new Set()).add(account.name),
      );
    if (item.object.kind !== 'ServiceAccount' || item.object.apiVersion !== 'v1') continue;
    const ns = effectiveNamespace(item.object) ?? 'default';
    const automount = item.object.automountServiceAccountToken;
    const names = serviceAccounts.get(ns) ?? new Map<string, boolean | undefined>();
    names.set(item.ref.name, typeof automount === 'boolean' ? automount : undefined);
    serviceAccounts.set(ns, names);
  }
  const all: WorkloadLink[] = [];
  const byServiceAccount = new Map<string, WorkloadLink[]>();
  const byNamespace = new Map<string, WorkloadLink[]>();
  for (const item of items) {
    const pod = podSpecOf(item.object);
    if (pod === undefined || isControlled(item)) continue;
    const namespace = effectiveNamespace(item.object) ?? 'default';
    const spec = pod.spec as unknown as Record<string, unknown>;
    const named =
      typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== ''
        ? spec.serviceAccountName
        : spec.serviceAccount;
    const serviceAccount = typeof named === 'string' && named !== '' ? named : 'default';
    const automount = spec.automountServiceAccountToken;
    const saDefault = serviceAccounts.get(namespace)?.get(serviceAccount);
    const projected = JSON.stringify(spec.volumes ?? []).includes('"serviceAccountToken"');
    const tokenMounted =
      projected || (typeof automount === 'boolean' ? automount : (saDefault ?? true));
    const link: WorkloadLink = {
      ref: { ...item.ref, namespace },
      namespace,
      serviceAccount,
      tokenMounted,
      item,
    };
    all.push(link);
    push(byServiceAccount, `${namespace}/${serviceAccount}`, link);
    push(byNamespace, namespace, link);
  }
  return { all, byServiceAccount, byNamespace, serviceAccounts, tokenSecrets };
}

/** The account a `kubernetes.io/service-account-token` Secret holds a token for. */
function tokenSecretAccount(item: ScanObject): { namespace: string; name: string } | undefined {
  const { object } = item;
  if (
    object.kind !== 'Secret' ||
    object.apiVersion !== 'v1' ||
    object.type !== 'kubernetes.io/service-account-token'
  )
    return undefined;
  const name = object.metadata?.annotations?.['kubernetes.io/service-account.name'];
  return typeof name === 'string' && name !== ''
    ? { namespace: effectiveNamespace(object) ?? 'default', name }
    : undefined;
}

const MEMO = Symbol('rbac:workloads');

/** The workload index of a scan, built once per inventory. */
export function workloadsOf(inventory: Inventory): WorkloadIndex {
  return inventory.memo(MEMO, (inv) => buildWorkloadIndex(inv.objects));
}

/** `Deployment argocd/argocd-server`. */
export function describeWorkload(link: WorkloadLink): string {
  return `${link.ref.kind} ${link.namespace}/${link.ref.name}`;
}
