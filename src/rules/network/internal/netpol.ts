import type { Inventory } from '../../../model/inventory.ts';
import type { ScanObject } from '../../../model/kube-object.ts';
import { isAllConnections } from '../../../netpol/connection-set.ts';
import type { NetpolModel } from '../../../netpol/model.ts';
import { netpolModel } from '../../../netpol/model.ts';
import type { CompiledPolicy, CompiledRule, Direction } from '../../../netpol/policy-types.ts';
import { rulesOf } from '../../../netpol/policy-types.ts';

export const REF = {
  policies: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
  defaultDeny:
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies',
  nsa: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF',
  metadata: 'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
} as const;

export const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];

/** The scan's NetworkPolicy model (built once per inventory; rules share it). */
export function modelOf(inventory: Inventory): NetpolModel {
  return netpolModel(inventory);
}

/** The compiled form of a NetworkPolicy object; undefined when the API server would reject it. */
export function policyOf(model: NetpolModel, item: ScanObject): CompiledPolicy | undefined {
  const byItem = model.inventory.memo(
    'netpol-policy-by-item',
    () => new Map(model.policies.map((p) => [p.item, p])),
  );
  return byItem.get(item);
}

/** The rules a policy applies, per direction it isolates (rules of other directions are ignored). */
export function appliedRules(policy: CompiledPolicy): CompiledRule[] {
  return DIRECTIONS.flatMap((direction) => [...(rulesOf(policy, direction) ?? [])]);
}

/** A rule without peers and without port limits lets everything through. */
export function ruleAllowsAll(rule: CompiledRule): boolean {
  return rule.peers === undefined && isAllConnections(rule.ports.numeric);
}

/**
 * Whether a namespace has a default-deny baseline for a direction: a valid policy that selects
 * every pod of the namespace (`podSelector: {}`) for that direction and does not itself allow
 * everything. What it allows is then an explicit choice; everything else is denied.
 */
export function hasDefaultDeny(
  model: NetpolModel,
  namespace: string,
  direction: Direction,
): boolean {
  return model.policies.some((policy) => {
    const rules = rulesOf(policy, direction);
    return (
      policy.namespace === namespace &&
      policy.podSelector.matchesAll &&
      rules !== undefined &&
      !rules.some(ruleAllowsAll)
    );
  });
}

/** `Ingress rule 1` / `Egress rule 2`: how messages name a rule (1-based, as people count). */
export function ruleLabel(rule: CompiledRule): string {
  return `${rule.direction === 'ingress' ? 'Ingress' : 'Egress'} rule ${String(rule.index + 1)}`;
}
