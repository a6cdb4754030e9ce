import type { Inventory } from '../model/inventory.ts';
import type { KubeObject, ScanObject } from '../model/kube-object.ts';
import { aggregateClusterRoles } from './aggregate.ts';
import { bootstrapObjects, isBootstrapObject } from './bootstrap/index.ts';
import { readBinding, readRole } from './read.ts';
import { subjectKey } from './subjects.ts';
import type { BindingDef, RoleDef } from './types.ts';

/**
 * Which default (bootstrap) objects join the input: none; only the default roles, so that
 * references to `cluster-admin`, `view`, … resolve; or roles and bindings, as in a fresh cluster.
 * Objects in the input always win over defaults of the same name.
 */
export type BootstrapMode = 'none' | 'roles' | 'all';

/** Every RBAC object of a scan, indexed for the authorizer, who-can, rules and paths. */
export interface RbacIndex {
  readonly roles: ReadonlyMap<string, RoleDef>;
  readonly clusterRoles: readonly RoleDef[];
  /** Roles (namespaced) by namespace. */
  readonly rolesByNamespace: ReadonlyMap<string, readonly RoleDef[]>;
  /** Evaluation order: ClusterRoleBindings by name, then RoleBindings by namespace and name. */
  readonly bindings: readonly BindingDef[];
  /** Bindings by the principal a subject names (`subjectKey`). */
  readonly bySubject: ReadonlyMap<string, readonly BindingDef[]>;
  /** ClusterRoleBindings by role key. */
  readonly clusterBindingsByRole: ReadonlyMap<string, readonly BindingDef[]>;
  /** RoleBindings by `namespace\0roleKey`. */
  readonly roleBindingsByRole: ReadonlyMap<string, readonly BindingDef[]>;
  /** Every binding by the key of the role it points at. */
  readonly bindingsByRole: ReadonlyMap<string, readonly BindingDef[]>;
  /** Bindings whose role is not in the index, in evaluation order. */
  readonly unresolved: readonly BindingDef[];
  /** The index entry read from each scanned object (the last of duplicates only). */
  readonly byObject: ReadonlyMap<KubeObject, RoleDef | BindingDef>;
  /** For each ClusterRole aggregated into others, the names of those others. */
  readonly aggregatedBy: ReadonlyMap<string, readonly string[]>;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** Evaluation order: ClusterRoleBindings by name, then RoleBindings by namespace and name. */
function sortKey(b: BindingDef): string {
  return `${b.kind === 'ClusterRoleBinding' ? '0' : '1'}${b.namespace ?? ''}\u0000${b.name}`;
}

/** Builds the index from scan objects (a later object of the same identity replaces an earlier one). */
export function buildRbacIndex(
  items: readonly ScanObject[],
  bootstrap: BootstrapMode = 'none',
): RbacIndex {
  const roles = new Map<string, RoleDef>();
  const bindingsByKey = new Map<string, BindingDef>();
  const add = (object: KubeObject, item: ScanObject | undefined, onlyIfMissing: boolean) => {
    const isDefault = isBootstrapObject(object);
    const role = readRole(object, item, isDefault);
    if (role !== undefined) {
      if (!onlyIfMissing || !roles.has(role.key)) roles.set(role.key, role);
      return;
    }
    const binding = readBinding(object, item, isDefault);
    if (binding === undefined) return;
    const key = `${binding.kind}/${binding.namespace ?? ''}/${binding.name}`;
    if (!onlyIfMissing || !bindingsByKey.has(key)) bindingsByKey.set(key, binding);
  };
  for (const item of items) add(item.object, item, false);
  if (bootstrap !== 'none') {
    for (const object of bootstrapObjects()) {
      if (bootstrap === 'roles' && object.kind.endsWith('Binding')) continue;
      add(object, undefined, true);
    }
  }
  const clusterRoles = new Map<string, RoleDef>();
  const rolesByNamespace = new Map<string, RoleDef[]>();
  for (const role of roles.values()) {
    if (role.kind === 'ClusterRole') clusterRoles.set(role.name, role);
    else push(rolesByNamespace, role.namespace ?? 'default', role);
  }
  const aggregatedBy = aggregateClusterRoles(clusterRoles);

  const bindings = [...bindingsByKey.values()]
    .map((b) => ({ b, key: sortKey(b) }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map(({ b }) => b);
  const byObject = new Map<KubeObject, RoleDef | BindingDef>();
  for (const def of [...roles.values(), ...bindings])
    if (def.item !== undefined) byObject.set(def.item.object, def);
  const bySubject = new Map<string, BindingDef[]>();
  const clusterBindingsByRole = new Map<string, BindingDef[]>();
  const roleBindingsByRole = new Map<string, BindingDef[]>();
  const bindingsByRole = new Map<string, BindingDef[]>();
  const unresolved: BindingDef[] = [];
  bindings.forEach((binding, order) => {
    binding.order = order;
    push(bindingsByRole, binding.roleKey, binding);
    if (!roles.has(binding.roleKey)) unresolved.push(binding);
    if (binding.namespace === undefined) push(clusterBindingsByRole, binding.roleKey, binding);
    else push(roleBindingsByRole, `${binding.namespace}\u0000${binding.roleKey}`, binding);
    for (const subject of binding.subjects) {
      const key = subjectKey(subject, binding.namespace);
      if (key !== undefined) push(bySubject, key, binding);
    }
  });
  return {
    roles,
    clusterRoles: [...clusterRoles.values()],
    rolesByNamespace,
    bindings,
    bySubject,
    clusterBindingsByRole,
    roleBindingsByRole,
    bindingsByRole,
    unresolved,
    byObject,
    aggregatedBy,
  };
}

/** The role a binding points at, when the index has it. */
export function roleOf(index: RbacIndex, binding: BindingDef): RoleDef | undefined {
  return index.roles.get(binding.roleKey);
}

const MEMO_KEYS: Record<BootstrapMode, symbol> = {
  none: Symbol('rbac-index:none'),
  roles: Symbol('rbac-index:roles'),
  all: Symbol('rbac-index:all'),
};

/**
 * The index of a scan, built once per inventory and mode. Rules use `roles`: every cluster has
 * the default roles, so a binding to `cluster-admin` means something even when the input does not
 * define it.
 */
export function rbacIndexOf(inventory: Inventory, bootstrap: BootstrapMode = 'roles'): RbacIndex {
  return inventory.memo(MEMO_KEYS[bootstrap], (inv) => buildRbacIndex(inv.objects, bootstrap));
}
