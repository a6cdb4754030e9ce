import {
  ALL_AUTHENTICATED,
  ALL_UNAUTHENTICATED,
  ANONYMOUS_USER,
  serviceAccountGroups,
  serviceAccountUser,
} from '../subjects.ts';
import type { PathNode } from './types.ts';

/**
 * The subject keys whose bindings apply to a principal: its own, and those of the groups the API
 * server gives it (a service account is also the user `system:serviceaccount:NS:NAME`; a member
 * of any group is authenticated).
 */
export function subjectKeys(principal: PathNode): string[] {
  const name = principal.id.slice(principal.id.indexOf(':') + 1);
  switch (principal.kind) {
    case 'User':
      return name === ANONYMOUS_USER
        ? [principal.id, `Group:${ALL_UNAUTHENTICATED}`]
        : [principal.id, `Group:${ALL_AUTHENTICATED}`];
    case 'Group':
      return name === ALL_UNAUTHENTICATED || name === ALL_AUTHENTICATED
        ? [principal.id]
        : [principal.id, `Group:${ALL_AUTHENTICATED}`];
    case 'ServiceAccount': {
      const [ns = '', sa = ''] = name.split('/');
      return [
        principal.id,
        `User:${serviceAccountUser(ns, sa)}`,
        ...serviceAccountGroups(ns).map((g) => `Group:${g}`),
        `Group:${ALL_AUTHENTICATED}`,
      ];
    }
    case 'Workload':
    case 'NamespaceAccounts':
    case 'NamespacePods':
    case 'Node':
    case 'ClusterAdmin':
      return [];
  }
}
