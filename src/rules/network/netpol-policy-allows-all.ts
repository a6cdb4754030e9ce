import { defineRule } from '../../engine/rule.ts';
import { isAllConnections } from '../../netpol/connection-set.ts';
import type { IpSet } from '../../netpol/ip-set.ts';
import { MAX_ADDRESS } from '../../netpol/ip-set.ts';
import type { CompiledRule } from '../../netpol/policy-types.ts';
import { REF, appliedRules, modelOf, policyOf, ruleLabel } from './internal/netpol.ts';

export default defineRule({
  id: 'netpol-policy-allows-all',
  meta: {
    title: 'NetworkPolicy rules do not allow everything',
    description:
      'A rule that matches every peer (no `from`/`to`, or `namespaceSelector: {}` together with an ipBlock covering all IPv4 addresses) on every port (no `ports`) allows all traffic in its direction. The policy then isolates nothing for the pods it selects, and, because rules of all policies add up, it also cancels every default-deny policy that selects the same pods.',
    severity: 'medium',
    category: 'network',
    exact: true,
    kinds: ['networking.k8s.io/NetworkPolicy'],
    messages: {
      ingress:
        '{{rule}} of NetworkPolicy "{{name}}" allows all traffic from every source on every port.',
      egress:
        '{{rule}} of NetworkPolicy "{{name}}" allows all traffic to every destination on every port.',
    },
    remediation:
      'List the peers (`podSelector`, `namespaceSelector`, `ipBlock`) and `ports` that the selected pods actually need, or delete the rule.',
    references: [REF.policies],
    peers: { trivy: [], kubescape: [], polaris: [], kubeScore: [], checkov: [] },
  },
  check(ctx) {
    const policy = policyOf(modelOf(ctx.inventory), ctx.scanObject);
    if (policy === undefined) return;
    for (const rule of appliedRules(policy)) {
      if (!isAllConnections(rule.ports.numeric) || !matchesEveryPeer(rule)) continue;
      ctx.report({
        path: rule.path,
        messageId: rule.direction,
        data: { rule: ruleLabel(rule), name: policy.name },
      });
    }
  },
});

/** No peers, or every pod of every namespace plus every IPv4 address. */
function matchesEveryPeer(rule: CompiledRule): boolean {
  if (rule.peers === undefined) return true;
  const everyPod = rule.peers.some(
    ({ spec }) =>
      spec.kind === 'pods' &&
      spec.namespaceSelector?.matchesAll === true &&
      (spec.podSelector === undefined || spec.podSelector.matchesAll),
  );
  const sets = rule.peers.flatMap(({ spec }) => (spec.kind === 'ipBlock' ? [spec.set] : []));
  return everyPod && coversIpv4(sets);
}

function coversIpv4(sets: readonly IpSet[]): boolean {
  const intervals = sets
    .flat()
    .filter((i) => i.family === 4)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let next = 0n;
  for (const interval of intervals) {
    if (interval.start > next) return false;
    if (interval.end + 1n > next) next = interval.end + 1n;
  }
  return next > MAX_ADDRESS[4];
}
