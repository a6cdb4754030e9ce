import type { RbacIndex } from '../rbac-index.ts';
import { bootstrapObjects } from './index.ts';

/**
 * Which default ClusterRoles bindings of the input refer to without the input defining them, in
 * words (`bindings refer to default ClusterRoles not in the input (cluster-admin, view)`), or
 * undefined when there are none. Offline answers are then incomplete unless the defaults are added.
 */
export function missingDefaultRoles(index: RbacIndex): string | undefined {
  const defaults = new Set(
    bootstrapObjects()
      .filter((o) => o.kind === 'ClusterRole')
      .map((o) => o.metadata?.name),
  );
  const names = [
    ...new Set(
      index.unresolved
        .filter((b) => b.roleRef.kind === 'ClusterRole' && defaults.has(b.roleRef.name))
        .map((b) => b.roleRef.name),
    ),
  ];
  if (names.length === 0) return undefined;
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '');
  return `bindings refer to default ClusterRoles not in the input (${shown})`;
}
