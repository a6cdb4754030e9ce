import type { Inventory } from '../model/inventory.ts';
import { labelsOf } from '../model/kube-object.ts';

/**
 * Where a permission applies, most dangerous first: every namespace and the cluster-scoped
 * resources; one privileged namespace; one other namespace (or a ClusterRole bound nowhere in the
 * input, whose reach is unknown).
 */
export const GRANT_SCOPES = ['cluster', 'privileged', 'namespace'] as const;
export type GrantScope = (typeof GRANT_SCOPES)[number];

/**
 * Namespaces where a foothold is worth more: kube-system (control-plane service accounts and
 * tokens) and any namespace whose Pod Security enforce label is `privileged` (pods there may
 * run privileged, i.e. own their node).
 */
export const ALWAYS_PRIVILEGED_NAMESPACES: ReadonlySet<string> = new Set(['kube-system']);

export type PrivilegedNamespaces = (namespace: string) => boolean;

const MEMO = Symbol('rbac:privileged-namespaces');

export function privilegedNamespacesOf(inventory: Inventory): PrivilegedNamespaces {
  return inventory.memo(MEMO, (inv) => {
    const names = new Set(ALWAYS_PRIVILEGED_NAMESPACES);
    for (const ns of inv.ofKind('Namespace')) {
      if (labelsOf(ns.object)['pod-security.kubernetes.io/enforce'] === 'privileged')
        names.add(ns.ref.name);
    }
    return (namespace: string) => names.has(namespace);
  });
}

export function scopeOfNamespace(namespace: string, privileged: PrivilegedNamespaces): GrantScope {
  return privileged(namespace) ? 'privileged' : 'namespace';
}

export function scopeRank(scope: GrantScope): number {
  return GRANT_SCOPES.indexOf(scope);
}

/** The broader of two scopes. */
export function widerScope(a: GrantScope | undefined, b: GrantScope): GrantScope {
  return a === undefined || scopeRank(b) < scopeRank(a) ? b : a;
}

export function describeScope(scope: GrantScope, namespace: string | undefined): string {
  return scope === 'cluster' ? 'cluster-wide' : `in namespace ${namespace ?? 'default'}`;
}
