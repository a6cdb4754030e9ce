import { defineRule } from '../../engine/rule.ts';
import { policySelects } from '../../netpol/match.ts';
import type { CompiledRule } from '../../netpol/policy-types.ts';
import { REF, modelOf, policyOf, ruleLabel } from './internal/netpol.ts';
import { publicWorkloads } from './internal/public-workloads.ts';

export default defineRule({
  id: 'netpol-ingress-from-internet',
  meta: {
    title: 'Only public workloads accept ingress from the internet',
    description:
      'An ingress rule whose `from` has an ipBlock with prefix length 0 (`0.0.0.0/0`, `::/0`, whatever its `except` list) or no `from` at all lets any address on the internet connect, as far as routing allows. That is right for a workload the cluster publishes (behind a LoadBalancer or NodePort Service, or an Ingress), and a hole for anything else: databases, internal APIs, admin ports. The rule reports such rules in policies that select workloads of the input that nothing publishes.',
    severity: 'high',
    category: 'network',
    exact: true,
    kinds: ['networking.k8s.io/NetworkPolicy'],
    messages: {
      internet:
        '{{rule}} of NetworkPolicy "{{name}}" allows {{source}}, and selects workloads that no LoadBalancer, NodePort or Ingress publishes: {{workloads}}.',
    },
    remediation:
      "Replace the open source with the peers that really need access (the ingress controller's namespace, a load balancer's CIDR, a partner range), or publish the workload deliberately through a Service or Ingress.",
    references: [REF.policies, REF.nsa],
    peers: { trivy: [], kubescape: [], polaris: [], kubeScore: [], checkov: [] },
  },
  check(ctx) {
    const model = modelOf(ctx.inventory);
    const policy = policyOf(model, ctx.scanObject);
    if (policy?.ingress === undefined) return;
    const published = publicWorkloads(model);
    const internal = model.workloads.filter(
      (w) => !published.has(w) && w.variants.some((v) => policySelects(policy, v)),
    );
    if (internal.length === 0) return;
    for (const rule of policy.ingress) {
      const source = openSource(rule);
      if (source === undefined) continue;
      ctx.report({
        path: rule.path,
        messageId: 'internet',
        data: {
          rule: ruleLabel(rule),
          name: policy.name,
          source,
          workloads: internal.map((w) => w.id).join(', '),
        },
      });
    }
  },
});

/** How a rule lets the internet in, or undefined when it does not. */
function openSource(rule: CompiledRule): string | undefined {
  if (rule.peers === undefined) return 'every source (no `from`)';
  const open = rule.peers.find(
    ({ spec }) => spec.kind === 'ipBlock' && /\/0+$/.test(spec.cidr.trim()),
  );
  return open?.spec.kind === 'ipBlock' ? `ipBlock ${open.spec.cidr}` : undefined;
}
