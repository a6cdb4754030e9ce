import { defineRule } from '../../engine/rule.ts';
import { REF, modelOf, policyOf } from './internal/netpol.ts';

export default defineRule({
  id: 'netpol-policy-selects-nothing',
  meta: {
    title: 'NetworkPolicies select some pod',
    description:
      "A NetworkPolicy applies only to pods of its own namespace that its podSelector matches. A policy that matches none of the namespace's workloads has no effect: usually a typo in a label, a policy in the wrong namespace, or a leftover from a removed workload, and the traffic it was meant to restrict is still open. The rule only judges namespaces whose workloads are in the input.",
    severity: 'low',
    category: 'network',
    exact: true,
    kinds: ['networking.k8s.io/NetworkPolicy'],
    messages: {
      nothing:
        'NetworkPolicy "{{name}}" selects none of the {{count}} workload(s) of namespace "{{namespace}}" ({{selector}}): it has no effect.',
    },
    remediation:
      "Fix the podSelector (or the policy's namespace) so that it matches the pods it is meant for, or delete the policy.",
    references: [REF.policies],
    peers: {
      kubeScore: ['networkpolicy-targets-pod'],
      trivy: [],
      kubescape: [],
      polaris: [],
      checkov: [],
    },
  },
  check(ctx) {
    const model = modelOf(ctx.inventory);
    const policy = policyOf(model, ctx.scanObject);
    if (policy === undefined) return;
    const workloads = model.workloads.filter((w) => w.namespace === policy.namespace);
    if (workloads.length === 0) return;
    if (workloads.some((w) => w.variants.some((v) => policy.podSelector.matches(v.labels)))) return;
    ctx.report({
      path: ['spec', 'podSelector'],
      messageId: 'nothing',
      data: {
        name: policy.name,
        namespace: policy.namespace,
        count: workloads.length,
        selector: policy.podSelector.text,
      },
    });
  },
});
