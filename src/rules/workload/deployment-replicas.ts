import { defineRule } from '../../engine/rule.ts';
import { setField } from './internal/patch.ts';
import { REF } from './internal/refs.ts';
import { replicasOf } from './internal/replicas.ts';

const DEFAULT_MIN = 2;

export default defineRule({
  id: 'deployment-replicas',
  meta: {
    title: 'Deployments run more than one replica',
    description:
      "A Deployment with one replica is down whenever its pod is: during every rollout that cannot surge, every node drain or upgrade, and every crash until the restart. The rule reads `spec.replicas` (1 when unset) or, when a HorizontalPodAutoscaler in the scanned input targets the Deployment, the HPA's `minReplicas`. Deployments scaled by a KEDA ScaledObject, and Deployments deliberately scaled to 0, are not reported.",
    severity: 'low',
    category: 'reliability',
    kinds: ['apps/Deployment'],
    messages: {
      low: 'Deployment runs {{replicas}} replica(s), fewer than {{min}}: a single disruption takes it down.',
      unset:
        'Deployment sets no replicas, so it runs 1, fewer than {{min}}: a single disruption takes it down.',
      autoscaled:
        'HorizontalPodAutoscaler "{{autoscaler}}" lets the Deployment scale down to {{replicas}} replica(s), fewer than {{min}}.',
    },
    remediation:
      "Set `spec.replicas` (or the HPA's `minReplicas`) to at least 2, and spread the pods across nodes with topologySpreadConstraints.",
    references: [REF.deployment, REF.disruptions],
    peers: {
      trivy: [],
      kubescape: [],
      polaris: ['deploymentMissingReplicas'],
      kubeScore: [],
      checkov: [],
    },
    schema: {
      type: 'object',
      properties: { minReplicas: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
    },
    defaultOptions: { minReplicas: DEFAULT_MIN },
  },
  check(ctx) {
    const min = typeof ctx.options.minReplicas === 'number' ? ctx.options.minReplicas : DEFAULT_MIN;
    const replicas = replicasOf(ctx.object, ctx.inventory);
    const path = ['spec', 'replicas'];
    if (replicas.autoscaler?.kind === 'ScaledObject') return;
    if (replicas.autoscaler !== undefined) {
      const floor = replicas.autoscaler.minReplicas;
      if (floor >= min) return;
      ctx.report({
        path,
        messageId: 'autoscaled',
        data: { autoscaler: replicas.autoscaler.name, replicas: floor, min },
      });
      return;
    }
    if (replicas.count === undefined || replicas.count === 0 || replicas.count >= min) return;
    ctx.report({
      path,
      messageId: replicas.explicit ? 'low' : 'unset',
      data: { replicas: replicas.count, min },
      suggest: [setField(ctx.object, path, min)],
    });
  },
});
