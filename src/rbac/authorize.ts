// The API server's decision for one request, as the superuser authorizer and then the RBAC
// authorizer take it: https://github.com/kubernetes/kubernetes/blob/v1.37.2/plugin/pkg/auth/authorizer/rbac/rbac.go
// (VisitRulesFor in pkg/registry/rbac/validation/rule.go). ClusterRoleBindings apply to every
// request; RoleBindings only to requests in their own namespace. The Node authorizer and
// webhooks are not modelled.
import { firstAllowingRule } from './match.ts';
import type { RbacIndex } from './rbac-index.ts';
import { splitServiceAccountUser, subjectApplies, SUPERUSER_GROUP } from './subjects.ts';
import type { AccessAttributes, BindingDef, Decision, Subject } from './types.ts';

/** Bindings that may apply to the user: found through the subject index, never by a full scan. */
export function candidateBindings(
  index: RbacIndex,
  user: string,
  groups: readonly string[],
  namespace: string,
): BindingDef[] {
  const keys = [`User:${user}`, ...groups.map((g) => `Group:${g}`)];
  const sa = splitServiceAccountUser(user);
  if (sa !== undefined) keys.push(`ServiceAccount:${sa.namespace}/${sa.name}`);
  const found = new Set<BindingDef>();
  for (const key of keys) {
    for (const binding of index.bySubject.get(key) ?? []) {
      if (binding.namespace === undefined || (namespace !== '' && binding.namespace === namespace))
        found.add(binding);
    }
  }
  return [...found].sort((a, b) => a.order - b.order);
}

/** The first subject of a binding that applies to the user, as upstream's appliesTo picks it. */
export function applyingSubject(
  binding: BindingDef,
  user: string,
  groups: readonly string[],
): number {
  return binding.subjects.findIndex((s) => subjectApplies(s, user, groups, binding.namespace));
}

/**
 * Decides a request as a SubjectAccessReview would (groups as given: see `userGroups` for the
 * ones the API server adds). Members of `system:masters` are allowed everything, as the API
 * server's superuser authorizer allows them before RBAC runs. Among the grants that allow a
 * request, the reason names the first in evaluation order (ClusterRoleBindings by name, then
 * RoleBindings); the API server names the first its informer cache lists, so only `allowed` is
 * comparable, not which grant is named.
 */
export function authorize(index: RbacIndex, attributes: AccessAttributes): Decision {
  if (attributes.groups.includes(SUPERUSER_GROUP)) {
    return {
      allowed: true,
      reason: { kind: 'superuser', group: SUPERUSER_GROUP },
      message: '',
      errors: [],
    };
  }
  const namespace = attributes.path === undefined ? (attributes.namespace ?? '') : '';
  const errors: string[] = [];
  for (const binding of candidateBindings(index, attributes.user, attributes.groups, namespace)) {
    const subjectIndex = applyingSubject(binding, attributes.user, attributes.groups);
    const subject = binding.subjects[subjectIndex];
    if (subject === undefined) continue;
    const role = index.roles.get(binding.roleKey);
    if (role === undefined) {
      // utilerrors.Aggregate prints each distinct message once.
      const error = missingRoleError(binding);
      if (!errors.includes(error)) errors.push(error);
      continue;
    }
    const ruleIndex = firstAllowingRule(role.rules, attributes);
    const rule = role.rules[ruleIndex];
    const origin = role.origins[ruleIndex];
    if (rule === undefined || origin === undefined) continue;
    return {
      allowed: true,
      reason: {
        kind: 'rbac',
        binding: binding.ref,
        subject,
        role: role.ref,
        ruleIndex,
        rule,
        origin,
      },
      message: `RBAC: allowed by ${describeGrant(binding, subject)}`,
      errors: [],
    };
  }
  const message =
    errors.length === 0
      ? ''
      : errors.length === 1
        ? `RBAC: ${errors[0] ?? ''}`
        : `RBAC: [${errors.join(', ')}]`;
  return { allowed: false, message, errors };
}

/** Upstream's wording: `ClusterRoleBinding "b" of ClusterRole "r" to Group "g"` (a ServiceAccount as "name/ns"). */
export function describeGrant(binding: BindingDef, subject: Subject): string {
  const name =
    binding.namespace === undefined ? binding.name : `${binding.name}/${binding.namespace}`;
  const who =
    subject.kind === 'ServiceAccount'
      ? `${subject.kind} "${subject.name}/${subject.namespace ?? binding.namespace ?? ''}"`
      : `${subject.kind} "${subject.name}"`;
  return `${binding.kind} "${name}" of ${binding.roleRef.kind} "${binding.roleRef.name}" to ${who}`;
}

/** The API server's error for a binding whose role does not exist. */
export function missingRoleError(binding: BindingDef): string {
  switch (binding.roleRef.kind) {
    case 'Role':
      return `role.rbac.authorization.k8s.io "${binding.roleRef.name}" not found`;
    case 'ClusterRole':
      return `clusterrole.rbac.authorization.k8s.io "${binding.roleRef.name}" not found`;
    default:
      return `unsupported role reference kind: "${binding.roleRef.kind}"`;
  }
}
