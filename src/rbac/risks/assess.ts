// Where a risky rule of a role takes effect: through which bindings (directly, or through the
// ClusterRoles that aggregate it) and at what scope, the broadest deciding the severity.
import type { PrivilegedNamespaces, GrantScope } from '../grant-scope.ts';
import { scopeOfNamespace, widerScope } from '../grant-scope.ts';
import type { RbacIndex } from '../rbac-index.ts';
import type { BindingDef, RoleDef } from '../types.ts';
import type { Probe } from './probe.ts';

export interface EffectiveGrant {
  binding: BindingDef;
  scope: GrantScope;
  /** The aggregating ClusterRole the binding points at, when it is not the role itself. */
  via?: RoleDef;
}

export interface Assessment {
  /** The broadest scope at which the probes are granted (or could be, for an unbound role). */
  scope: GrantScope;
  /** False when no binding of the input grants the role: the scope is then the role's own reach. */
  bound: boolean;
  grants: EffectiveGrant[];
}

/** Bindings of a role, and of every ClusterRole that aggregates it (transitively). */
export function bindingsOfRole(
  index: RbacIndex,
  role: RoleDef,
): { binding: BindingDef; via?: RoleDef }[] {
  const result: { binding: BindingDef; via?: RoleDef }[] = [];
  const seen = new Set<string>([role.key]);
  const queue: RoleDef[] = [role];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    const via = current === role ? undefined : current;
    for (const binding of index.bindingsByRole.get(current.key) ?? [])
      result.push(via === undefined ? { binding } : { binding, via });
    if (current.kind !== 'ClusterRole') continue;
    for (const name of index.aggregatedBy.get(current.name) ?? []) {
      const aggregator = index.roles.get(`ClusterRole/${name}`);
      if (aggregator !== undefined && !seen.has(aggregator.key)) {
        seen.add(aggregator.key);
        queue.push(aggregator);
      }
    }
  }
  return result;
}

/** The scope at which a binding grants the probes, or undefined when it cannot grant any of them. */
export function bindingScope(
  binding: BindingDef,
  matched: readonly Probe[],
  privileged: PrivilegedNamespaces,
): GrantScope | undefined {
  if (binding.namespace === undefined) return 'cluster';
  return namespaceScope(binding.namespace, matched, privileged);
}

function namespaceScope(
  namespace: string,
  matched: readonly Probe[],
  privileged: PrivilegedNamespaces,
): GrantScope | undefined {
  const effective = matched.some(
    (p) => p.clusterScoped !== true && (p.namespace === undefined || p.namespace === namespace),
  );
  return effective ? scopeOfNamespace(namespace, privileged) : undefined;
}

/**
 * How far the matched probes of a role's rule reach. Undefined when the role is bound but no
 * binding can make the probes effective (cluster-scoped resources granted by RoleBindings only),
 * or when a Role's namespace cannot hold what the probes need.
 */
export function assessRole(
  index: RbacIndex,
  role: RoleDef,
  matched: readonly Probe[],
  privileged: PrivilegedNamespaces,
): Assessment | undefined {
  const all = bindingsOfRole(index, role);
  const grants: EffectiveGrant[] = [];
  let scope: GrantScope | undefined;
  for (const { binding, via } of all) {
    const s = bindingScope(binding, matched, privileged);
    if (s === undefined) continue;
    grants.push(via === undefined ? { binding, scope: s } : { binding, scope: s, via });
    scope = widerScope(scope, s);
  }
  if (scope !== undefined) return { scope, bound: true, grants };
  if (all.length > 0) return undefined;
  if (role.kind === 'Role') {
    const own = namespaceScope(role.namespace ?? 'default', matched, privileged);
    return own === undefined ? undefined : { scope: own, bound: false, grants };
  }
  return { scope: 'namespace', bound: false, grants };
}
