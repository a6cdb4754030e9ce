// Who may make a request: the subjects of every binding whose role allows it, as the API
// server's SubjectAccessEvaluator lists them
// (https://github.com/kubernetes/kubernetes/blob/v1.37.2/plugin/pkg/auth/authorizer/rbac/subject_locator.go),
// plus `system:masters`, which the superuser authorizer allows. Cost: one pass over the rules of
// every role, then only the bindings of the roles that allow the request.
import type { ObjectRef } from '../engine/finding.ts';
import { firstAllowingRule } from './match.ts';
import type { RbacIndex } from './rbac-index.ts';
import { serviceAccountNamespace, SUPERUSER_GROUP } from './subjects.ts';
import type {
  AccessAttributes,
  BindingDef,
  PolicyRule,
  RoleDef,
  RuleOrigin,
  Subject,
} from './types.ts';

/** The request of a who-can query: a SubjectAccessReview without a user. */
export type WhoCanRequest = Omit<AccessAttributes, 'user' | 'groups'>;

export interface WhoCanGrant {
  /** The subject, with a ServiceAccount's namespace filled in from its RoleBinding. */
  subject: Subject;
  binding: ObjectRef;
  role: ObjectRef;
  ruleIndex: number;
  rule: PolicyRule;
  origin: RuleOrigin;
}

export interface WhoCanResult {
  request: WhoCanRequest;
  /** Always true: members of `system:masters` may do anything. */
  superuserGroup: typeof SUPERUSER_GROUP;
  grants: WhoCanGrant[];
  /** Bindings whose role is missing from the input (they may grant more in a real cluster). */
  unresolved: ObjectRef[];
}

export function whoCan(index: RbacIndex, request: WhoCanRequest): WhoCanResult {
  const namespace = request.path === undefined ? (request.namespace ?? '') : '';
  const attributes: AccessAttributes = { ...request, user: '', groups: [] };
  const grants: WhoCanGrant[] = [];
  const addBindings = (
    role: RoleDef,
    ruleIndex: number,
    bindings: readonly BindingDef[] | undefined,
  ) => {
    const rule = role.rules[ruleIndex];
    const origin = role.origins[ruleIndex];
    if (rule === undefined || origin === undefined) return;
    for (const binding of bindings ?? []) {
      for (const subject of binding.subjects) {
        const resolved = resolveSubject(subject, binding);
        if (resolved !== undefined)
          grants.push({
            subject: resolved,
            binding: binding.ref,
            role: role.ref,
            ruleIndex,
            rule,
            origin,
          });
      }
    }
  };
  const roles = [
    ...index.clusterRoles,
    ...(namespace === '' ? [] : (index.rolesByNamespace.get(namespace) ?? [])),
  ];
  for (const role of roles) {
    const ruleIndex = firstAllowingRule(role.rules, attributes);
    if (ruleIndex < 0) continue;
    if (role.kind === 'ClusterRole')
      addBindings(role, ruleIndex, index.clusterBindingsByRole.get(role.key));
    if (namespace !== '')
      addBindings(role, ruleIndex, index.roleBindingsByRole.get(`${namespace}\u0000${role.key}`));
  }
  const keyed = grants.map((grant) => ({ grant, key: sortKey(grant) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const unresolved = index.unresolved.filter(
    (b) => b.namespace === undefined || b.namespace === namespace,
  );
  return {
    request,
    superuserGroup: SUPERUSER_GROUP,
    grants: keyed.map((k) => k.grant),
    unresolved: unresolved.map((b) => b.ref),
  };
}

/**
 * ServiceAccounts get their namespace; a ClusterRoleBinding's ServiceAccount without one, and
 * subjects of unknown kinds, name nobody (upstream lists them anyway; we leave them out).
 */
function resolveSubject(subject: Subject, binding: BindingDef): Subject | undefined {
  if (subject.kind === 'User' || subject.kind === 'Group') return subject;
  if (subject.kind !== 'ServiceAccount') return undefined;
  const namespace = serviceAccountNamespace(subject, binding.namespace);
  return namespace === undefined
    ? undefined
    : { kind: subject.kind, name: subject.name, namespace };
}

const KIND_ORDER: Record<string, number> = { Group: 0, User: 1, ServiceAccount: 2 };

/** Groups, then users, then service accounts; by name, then binding. */
function sortKey(g: WhoCanGrant): string {
  const s = g.subject;
  const b = g.binding;
  return `${String(KIND_ORDER[s.kind] ?? 3)}${s.namespace ?? ''}\u0000${s.name}\u0000${b.kind}\u0000${b.namespace ?? ''}\u0000${b.name}`;
}
