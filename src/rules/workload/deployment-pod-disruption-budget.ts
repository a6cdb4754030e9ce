import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { effectiveNamespace } from '../../model/scope.ts';
import { budgetSelectors } from './internal/disruption-budgets.ts';
import { REF } from './internal/refs.ts';
import { replicasOf } from './internal/replicas.ts';
import { asRecord } from './internal/values.ts';

export default defineRule({
  id: 'deployment-pod-disruption-budget',
  meta: {
    title: 'Replicated Deployments have a PodDisruptionBudget',
    description:
      "Node drains, cluster upgrades and autoscaler scale-downs evict pods through the eviction API, which respects PodDisruptionBudgets and nothing else: without one, a drain may evict every replica of a Deployment at once. The rule looks for a PodDisruptionBudget in the same namespace of the scanned input whose selector matches the pod template's labels. Deployments that run a single replica are left to `deployment-replicas` (a budget cannot help them, and one that forbids evicting the only pod blocks drains).",
    severity: 'low',
    category: 'reliability',
    kinds: ['apps/Deployment'],
    messages: {
      missing:
        'Deployment runs {{replicas}} replicas, but no PodDisruptionBudget in the scanned input selects its pods: a node drain may evict them all at once.',
    },
    remediation:
      "Add a PodDisruptionBudget with the Deployment's pod labels as selector and `maxUnavailable: 1` (or a `minAvailable` below the replica count).",
    references: [REF.pdb, REF.disruptions],
    peers: {
      trivy: [],
      kubescape: [],
      polaris: ['missingPodDisruptionBudget'],
      kubeScore: ['deployment-has-poddisruptionbudget'],
      checkov: [],
    },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined) return;
    const replicas = replicasOf(ctx.object, ctx.inventory);
    const count =
      replicas.autoscaler?.kind === 'HorizontalPodAutoscaler'
        ? replicas.autoscaler.minReplicas
        : replicas.count;
    if (replicas.autoscaler === undefined && (count === undefined || count < 2)) return;
    const labels = (asRecord(pod.metadata.labels) ?? {}) as Record<string, string>;
    const budgets =
      budgetSelectors(ctx.inventory).get(effectiveNamespace(ctx.object) ?? 'default') ?? [];
    if (budgets.some((selector) => selector.matches(labels))) return;
    ctx.report({
      path: [...pod.metadataPath, 'labels'],
      messageId: 'missing',
      data: { replicas: replicas.autoscaler === undefined ? String(count) : 'several' },
    });
  },
});
