// What anonymous and all-authenticated subjects may safely hold: the default discovery roles
// (system:discovery, system:basic-user, system:public-info-viewer, service-account issuer
// discovery), i.e. reads of non-resource URLs and reviews of one's own access.
import type { PolicyRule, RoleDef } from '../types.ts';

export const DISCOVERY_ROLES: ReadonlySet<string> = new Set([
  'system:discovery',
  'system:basic-user',
  'system:public-info-viewer',
  'system:service-account-issuer-discovery',
]);

const SELF_REVIEWS = new Set([
  'selfsubjectaccessreviews',
  'selfsubjectrulesreviews',
  'selfsubjectreviews',
]);
const REVIEW_GROUPS = new Set(['authorization.k8s.io', 'authentication.k8s.io']);

function isDiscoveryRule(rule: PolicyRule): boolean {
  if (rule.resources.length === 0) {
    return rule.nonResourceURLs.length > 0 && rule.verbs.every((v) => v === 'get' || v === 'head');
  }
  return (
    rule.nonResourceURLs.length === 0 &&
    rule.verbs.every((v) => v === 'create') &&
    rule.resources.every((r) => SELF_REVIEWS.has(r)) &&
    rule.apiGroups.every((g) => REVIEW_GROUPS.has(g))
  );
}

/** True when a role grants nothing beyond discovery (judged by its rules when known, else its name). */
export function isDiscoveryRole(role: RoleDef | undefined, roleName: string): boolean {
  if (role === undefined) return DISCOVERY_ROLES.has(roleName);
  return role.rules.every(isDiscoveryRule);
}
