import { compileSelector } from '../netpol/label-selector.ts';
import type { KubeObject } from '../model/kube-object.ts';
import { labelsOf } from '../model/kube-object.ts';
import type { AdmissionAttributes } from './attributes.ts';
import type { GroupVersionKind, GroupVersionResource } from './resources.ts';
import { equivalentGroupResources } from './resources.ts';
import type { MatchResources, ResourceRule } from './types.ts';

export type MatchOutcome =
  | { matches: false; error?: undefined }
  | { matches: true; kind: GroupVersionKind; resource: GroupVersionResource; error?: undefined }
  | { matches: false; error: string };

/** Labels of a namespace by name; undefined when the namespace does not exist. */
export type NamespaceLabels = (name: string) => Readonly<Record<string, string>> | undefined;

const NO: MatchOutcome = { matches: false };

/**
 * Whether a request matches `MatchResources`, as matching.Matcher.Matches decides
 * (staging/src/k8s.io/apiserver/pkg/admission/plugin/policy/matching/matching.go): namespace
 * and object selectors, excluded rules, then rules (with `Equivalent` across groups/versions).
 * Selector errors only surface once the request is otherwise matched.
 */
export function matchResources(
  match: MatchResources,
  attributes: AdmissionAttributes,
  namespaceLabels: NamespaceLabels,
): MatchOutcome {
  const ns = matchNamespace(match.namespaceSelector, attributes, namespaceLabels);
  if (ns === false) return NO;
  const obj = matchObject(match.objectSelector, attributes);
  if (obj === false) return NO;
  const excluded = matchRules(match.excludeResourceRules, match.matchPolicy, attributes);
  if (excluded !== undefined) return NO;
  const matched =
    match.resourceRules.length === 0
      ? { kind: attributes.kind, resource: attributes.resource }
      : matchRules(match.resourceRules, match.matchPolicy, attributes);
  if (matched === undefined) return NO;
  if (typeof ns === 'string') return { matches: false, error: ns };
  if (typeof obj === 'string') return { matches: false, error: obj };
  return { matches: true, ...matched };
}

function matchNamespace(
  selector: unknown,
  attributes: AdmissionAttributes,
  namespaceLabels: NamespaceLabels,
): boolean | string {
  const isNamespace = attributes.resource.resource === 'namespaces';
  if (attributes.namespace === '' && !isNamespace) return true;
  const compiled = compileSelector(selector);
  if (compiled.problems.length > 0)
    return `Internal error occurred: ${compiled.problems.join('; ')}`;
  if (compiled.matchesAll) return true;
  let labels: Readonly<Record<string, string>> | undefined;
  if (
    isNamespace &&
    attributes.subResource === '' &&
    (attributes.operation === 'CREATE' || attributes.operation === 'UPDATE')
  ) {
    labels = attributes.object === null ? {} : labelsOf(attributes.object);
  } else {
    labels = namespaceLabels(attributes.namespace);
    if (labels === undefined) return `namespaces "${attributes.namespace}" not found`;
  }
  return compiled.matches(labels);
}

function matchObject(selector: unknown, attributes: AdmissionAttributes): boolean | string {
  const compiled = compileSelector(selector);
  if (compiled.problems.length > 0)
    return `Internal error occurred: ${compiled.problems.join('; ')}`;
  if (compiled.matchesAll) return true;
  const test = (o: KubeObject | null) => o !== null && compiled.matches(labelsOf(o));
  return test(attributes.object) || test(attributes.oldObject);
}

function matchRules(
  rules: readonly ResourceRule[],
  policy: 'Exact' | 'Equivalent',
  attributes: AdmissionAttributes,
): { kind: GroupVersionKind; resource: GroupVersionResource } | undefined {
  for (const rule of rules) {
    if (ruleMatches(rule, attributes, attributes.resource) && nameMatches(rule, attributes)) {
      return { kind: attributes.kind, resource: attributes.resource };
    }
  }
  if (policy === 'Exact') return undefined;
  // Equivalent: the same objects served under another version or group (e.g. extensions/v1beta1).
  const groups = [
    `${attributes.resource.group}/${attributes.resource.resource}`,
    ...equivalentGroupResources(attributes.resource),
  ];
  for (const rule of rules) {
    for (const groupResource of groups) {
      const slash = groupResource.indexOf('/');
      const group = groupResource.slice(0, slash);
      const resource = groupResource.slice(slash + 1);
      for (const version of rule.apiVersions.filter((v) => v !== '*')) {
        const equivalent = { group, version, resource };
        if (group === attributes.resource.group && version === attributes.resource.version)
          continue;
        if (!ruleMatches(rule, attributes, equivalent) || !nameMatches(rule, attributes)) continue;
        return { kind: { group, version, kind: attributes.kind.kind }, resource: equivalent };
      }
    }
  }
  return undefined;
}

const anyOf = (items: readonly string[], value: string) =>
  items.some((i) => i === '*' || i === value);

/** rules.Matcher.Matches (webhook/predicates/rules/rules.go). */
function ruleMatches(
  rule: ResourceRule,
  attributes: AdmissionAttributes,
  gvr: GroupVersionResource,
): boolean {
  const isNamespaceResource =
    gvr.group === '' && gvr.version === 'v1' && gvr.resource === 'namespaces';
  if (rule.scope === 'Namespaced' && (isNamespaceResource || attributes.namespace === ''))
    return false;
  if (rule.scope === 'Cluster' && !(isNamespaceResource || attributes.namespace === ''))
    return false;
  if (rule.scope !== '*' && rule.scope !== 'Namespaced' && rule.scope !== 'Cluster') return false;
  if (!anyOf(rule.operations, attributes.operation)) return false;
  if (!anyOf(rule.apiGroups, gvr.group) || !anyOf(rule.apiVersions, gvr.version)) return false;
  return rule.resources.some((entry) => {
    const slash = entry.indexOf('/');
    const res = slash === -1 ? entry : entry.slice(0, slash);
    const sub = slash === -1 ? '' : entry.slice(slash + 1);
    return (res === '*' || res === gvr.resource) && (sub === '*' || sub === attributes.subResource);
  });
}

function nameMatches(rule: ResourceRule, attributes: AdmissionAttributes): boolean {
  return rule.resourceNames.length === 0 || rule.resourceNames.includes(attributes.name);
}
