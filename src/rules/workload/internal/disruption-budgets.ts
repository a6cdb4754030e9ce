import type { Inventory } from '../../../model/inventory.ts';
import { effectiveNamespace } from '../../../model/scope.ts';
import type { LabelSelector } from '../../../netpol/label-selector.ts';
import { compileSelector } from '../../../netpol/label-selector.ts';
import { asRecord, isSet } from './values.ts';

const BUDGETS = Symbol('workload/disruption-budgets');

/**
 * Compiled PodDisruptionBudget selectors by namespace, once per scan. A missing selector selects
 * nothing; `{}` selects every pod of the namespace in policy/v1 and nothing in policy/v1beta1.
 */
export function budgetSelectors(
  inventory: Inventory,
): ReadonlyMap<string, readonly LabelSelector[]> {
  return inventory.memo(BUDGETS, (inv) => {
    const byNamespace = new Map<string, LabelSelector[]>();
    for (const item of inv.ofKind('policy/PodDisruptionBudget')) {
      const raw = asRecord(item.object.spec)?.selector;
      if (!isSet(raw)) continue;
      const selector = compileSelector(raw);
      if (selector.problems.length > 0) continue;
      if (selector.matchesAll && item.object.apiVersion === 'policy/v1beta1') continue;
      const ns = effectiveNamespace(item.object) ?? 'default';
      const list = byNamespace.get(ns);
      if (list === undefined) byNamespace.set(ns, [selector]);
      else list.push(selector);
    }
    return byNamespace;
  });
}
