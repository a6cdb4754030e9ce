import { defineRule } from '../../engine/rule.ts';
import { peerMatchesPod, policySelects, resolveNamedPort } from '../../netpol/match.ts';
import type { NetpolModel } from '../../netpol/model.ts';
import type { CompiledPolicy, CompiledRule } from '../../netpol/policy-types.ts';
import type { PodVariant } from '../../netpol/workloads.ts';
import { REF, appliedRules, modelOf, policyOf, ruleLabel } from './internal/netpol.ts';

export default defineRule({
  id: 'netpol-named-port-unresolved',
  meta: {
    title: 'Named ports in NetworkPolicies resolve to a container port',
    description:
      "A NetworkPolicy port given by name means, on each destination pod, the container port with that name and protocol. When no destination pod declares one, the port silently allows nothing: an ingress rule then blocks traffic it was written to allow, an egress rule lets nothing out. Destinations are the pods the policy selects for ingress rules, and the pods the rule's `to` matches for egress rules; the rule only judges ports whose destinations are in the input.",
    severity: 'medium',
    category: 'network',
    exact: true,
    kinds: ['networking.k8s.io/NetworkPolicy'],
    messages: {
      missing:
        '{{rule}} of NetworkPolicy "{{name}}" names port "{{port}}" ({{protocol}}), which none of its {{count}} destination workload(s) declares: the port allows nothing.',
      protocol:
        '{{rule}} of NetworkPolicy "{{name}}" names port "{{port}}" with protocol {{protocol}}, but the destination pods declare it as {{actual}}: the port allows nothing.',
    },
    remediation:
      'Use the name and protocol of a `containerPort` of the destination pods (or a port number), or add the named port to their containers.',
    references: [REF.policies],
    peers: { trivy: [], kubescape: [], polaris: [], kubeScore: [], checkov: [] },
  },
  check(ctx) {
    const model = modelOf(ctx.inventory);
    const policy = policyOf(model, ctx.scanObject);
    if (policy === undefined) return;
    for (const rule of appliedRules(policy)) {
      if (rule.ports.named.length === 0) continue;
      const destinations = destinationsOf(model, policy, rule);
      if (destinations.length === 0) continue;
      for (const named of rule.ports.named) {
        if (destinations.some((v) => resolveNamedPort(named, v.ports) !== undefined)) continue;
        const other = destinations.flatMap((v) => v.ports).find((p) => p.name === named.name);
        const data = {
          rule: ruleLabel(rule),
          name: policy.name,
          port: named.name,
          protocol: named.protocol,
        };
        if (other === undefined) {
          const count = new Set(destinations.map((v) => v.workload)).size;
          ctx.report({ path: named.path, messageId: 'missing', data: { ...data, count } });
        } else {
          ctx.report({
            path: named.path,
            messageId: 'protocol',
            data: { ...data, actual: other.protocol },
          });
        }
      }
    }
  },
});

function destinationsOf(
  model: NetpolModel,
  policy: CompiledPolicy,
  rule: CompiledRule,
): PodVariant[] {
  const pods = model.variants.filter((v) => v.workload !== undefined);
  if (rule.direction === 'ingress') return pods.filter((v) => policySelects(policy, v));
  if (rule.peers === undefined) return pods;
  const peers = rule.peers;
  return pods.filter((v) => peers.some((peer) => peerMatchesPod(peer, policy, v, model.context)));
}
