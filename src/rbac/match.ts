// Rule matching exactly as the API server's RBAC authorizer does it: case-sensitive string
// equality, `*` as the only wildcard in verbs, apiGroups and resources, `*/subresource`, and a
// trailing `*` in nonResourceURLs. Mirrors
// https://github.com/kubernetes/kubernetes/blob/v1.37.2/pkg/apis/rbac/v1/evaluation_helpers.go
// and RuleAllows in plugin/pkg/auth/authorizer/rbac/rbac.go.
import type { AccessAttributes, PolicyRule } from './types.ts';

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === '*' || v === verb);
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.some((g) => g === '*' || g === group);
}

// `combined` is `resource/subresource` (or the resource alone). `*` matches everything, an exact
// entry matches, and `*/sub` matches any resource's `sub` subresource; `pods/*` matches nothing.
export function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  for (const r of rule.resources) {
    if (r === '*' || r === combined) return true;
    if (subresource !== '' && r === `*/${subresource}`) return true;
  }
  return false;
}

/** No resourceNames means any name; otherwise the request's name must be listed ("" never is, unless written). */
export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  return rule.resourceNames.length === 0 || rule.resourceNames.includes(name);
}

/** `*` matches every URL; `/apis/*` matches `/apis/…` (a prefix) but not `/apis` itself. */
export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  for (const url of rule.nonResourceURLs) {
    if (url === '*' || url === path) return true;
    if (url.endsWith('*') && path.startsWith(url.replace(/\*+$/, ''))) return true;
  }
  return false;
}

/** Whether one rule allows a request (the user and namespace are the binding's concern, not the rule's). */
export function ruleAllows(rule: PolicyRule, attributes: AccessAttributes): boolean {
  if (!verbMatches(rule, attributes.verb)) return false;
  if (attributes.path !== undefined) return nonResourceURLMatches(rule, attributes.path);
  const resource = attributes.resource ?? '';
  const subresource = attributes.subresource ?? '';
  const combined = subresource === '' ? resource : `${resource}/${subresource}`;
  return (
    apiGroupMatches(rule, attributes.apiGroup ?? '') &&
    resourceMatches(rule, combined, subresource) &&
    resourceNameMatches(rule, attributes.name ?? '')
  );
}

/** Index of the first rule that allows the request, or -1. */
export function firstAllowingRule(
  rules: readonly PolicyRule[],
  attributes: AccessAttributes,
): number {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (rule !== undefined && ruleAllows(rule, attributes)) return i;
  }
  return -1;
}
