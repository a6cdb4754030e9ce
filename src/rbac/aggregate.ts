// ClusterRole aggregation as the clusterrole-aggregation controller computes it:
// https://github.com/kubernetes/kubernetes/blob/v1.37.2/pkg/controller/clusterroleaggregation/clusterroleaggregation_controller.go
// For each selector in order, the matching ClusterRoles sorted by name (the role itself excluded)
// contribute their current rules, skipping rules equal to one already collected. The result
// replaces the role's rules. The controller reruns whenever any ClusterRole changes, so nested
// aggregation (view → edit → admin) settles at a fixed point; we iterate to it, bounded.
import { compileLabelSelector } from './internal/label-selector.ts';
import type { LabelPredicate } from './internal/label-selector.ts';
import type { PolicyRule, RoleDef, RuleOrigin } from './types.ts';

/** Equality as the controller's semantic DeepEqual sees it: list order matters, nil equals empty. */
export function ruleKey(rule: PolicyRule): string {
  let key = keys.get(rule);
  if (key === undefined) {
    key = JSON.stringify([
      rule.verbs,
      rule.apiGroups,
      rule.resources,
      rule.resourceNames,
      rule.nonResourceURLs,
    ]);
    keys.set(rule, key);
  }
  return key;
}

// Rules are immutable once read, so their keys are computed once.
const keys = new WeakMap<PolicyRule, string>();

interface Aggregator {
  role: RoleDef;
  /** Matching ClusterRoles per selector, each list sorted by name. */
  sources: RoleDef[][];
}

/**
 * Replaces the effective rules of every ClusterRole with an aggregationRule by the union of the
 * rules of the ClusterRoles its selectors match, and returns, for each source ClusterRole, the
 * names of the roles aggregating it. As with the controller, a role whose selectors match nothing
 * ends up with no rules (include the default roles to resolve `admin`, `edit` and `view`), and a
 * role with an invalid selector keeps the rules written in it (the controller fails to sync it).
 */
export function aggregateClusterRoles(
  clusterRoles: ReadonlyMap<string, RoleDef>,
): Map<string, string[]> {
  const sorted = [...clusterRoles.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const aggregators: Aggregator[] = [];
  const aggregatedBy = new Map<string, string[]>();
  for (const role of sorted) {
    if (role.aggregationSelectors === undefined) continue;
    const predicates = role.aggregationSelectors.map(compileLabelSelector);
    if (predicates.some((p) => p === undefined)) continue;
    const sources = (predicates as LabelPredicate[]).map((matches) =>
      sorted.filter((other) => other.name !== role.name && matches(other.labels)),
    );
    aggregators.push({ role, sources });
    for (const source of new Set(sources.flat())) {
      const list = aggregatedBy.get(source.name) ?? [];
      list.push(role.name);
      aggregatedBy.set(source.name, list);
    }
  }
  // Each round can push rules one level further along a chain of aggregations.
  for (let round = 0; round <= aggregators.length; round++) {
    let changed = false;
    for (const aggregator of aggregators) changed = aggregateOnce(aggregator) || changed;
    if (!changed) break;
  }
  return aggregatedBy;
}

function aggregateOnce({ role, sources }: Aggregator): boolean {
  const rules: PolicyRule[] = [];
  const origins: RuleOrigin[] = [];
  const seen = new Set<string>();
  for (const list of sources) {
    for (const source of list) {
      source.rules.forEach((rule, i) => {
        const key = ruleKey(rule);
        if (seen.has(key)) return;
        seen.add(key);
        rules.push(rule);
        origins.push(source.origins[i] ?? { role: source.ref, ruleIndex: i });
      });
    }
  }
  const before = role.rules.map(ruleKey).join('\n');
  if (before === rules.map(ruleKey).join('\n')) return false;
  role.rules = rules;
  role.origins = origins;
  return true;
}
