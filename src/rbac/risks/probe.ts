import { apiGroupMatches, resourceMatches, resourceNameMatches, verbMatches } from '../match.ts';
import type { PolicyRule } from '../types.ts';

/**
 * One request that a risky permission lets a subject make, matched with the authorizer's own
 * rule matching. Without `name` the probe stands for "any object": a rule restricted by
 * resourceNames does not match it (unless `anyName`, for grants that are dangerous even when named).
 */
export interface Probe {
  readonly verb: string;
  readonly apiGroup: string;
  readonly resource: string;
  readonly subresource?: string;
  readonly name?: string;
  readonly anyName?: boolean;
  /** The request is only dangerous in this namespace (aws-auth lives in kube-system). */
  readonly namespace?: string;
  /**
   * The resource is cluster-scoped, so a RoleBinding cannot grant it. (`namespaces` is not: a
   * RoleBinding grants its own Namespace object, whose requests carry that namespace.)
   */
  readonly clusterScoped?: boolean;
}

/** The authorizer's RuleAllows for the probe's request, without allocating (it runs per rule × probe). */
export function probeMatches(rule: PolicyRule, probe: Probe): boolean {
  if (!verbMatches(rule, probe.verb) || !apiGroupMatches(rule, probe.apiGroup)) return false;
  const sub = probe.subresource ?? '';
  if (!resourceMatches(rule, sub === '' ? probe.resource : `${probe.resource}/${sub}`, sub))
    return false;
  return probe.anyName === true || resourceNameMatches(rule, probe.name ?? '');
}

/** Every combination of verbs and `group/resource[/subresource]` strings, sharing the extra fields. */
export function probes(
  verbs: readonly string[],
  resources: readonly string[],
  extra: Partial<Probe> = {},
): Probe[] {
  return verbs.flatMap((verb) =>
    resources.map((spec) => {
      const [group = '', resource = '', subresource] = spec.split('/');
      return {
        verb,
        apiGroup: group,
        resource,
        ...(subresource === undefined ? {} : { subresource }),
        ...extra,
      };
    }),
  );
}
