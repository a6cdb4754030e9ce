import { defineRule } from '../../engine/rule.ts';
import { isRecord } from '../../model/kube-object.ts';
import { podSpecOf } from '../../model/pod-spec.ts';
import { effectiveNamespace } from '../../model/scope.ts';
import { normaliseLabels } from '../../netpol/label-selector.ts';
import { REF, modelOf } from './internal/netpol.ts';

export default defineRule({
  id: 'netpol-workload-not-selected',
  meta: {
    title: 'Workloads are selected by a NetworkPolicy',
    description:
      "A pod that no NetworkPolicy selects is not isolated: it accepts connections from every pod of the cluster and every address that can route to it, and may connect anywhere. The rule evaluates every valid policy of the workload's namespace against the pod template labels, exactly as the API server would select the pods. Pods owned by a controller are left to their owner.",
    severity: 'medium',
    category: 'network',
    exact: true,
    workloadsOnly: true,
    messages: {
      none: '{{kind}} "{{name}}" is selected by no NetworkPolicy: its pods accept and open connections to anything.',
      ingress:
        '{{kind}} "{{name}}" is selected by no NetworkPolicy for ingress: its pods accept connections from anything.',
      egress:
        '{{kind}} "{{name}}" is selected by no NetworkPolicy for egress: its pods may connect anywhere.',
    },
    remediation:
      'Add a NetworkPolicy whose podSelector matches the pod labels (or a default-deny policy with `podSelector: {}` for the namespace) and allow only the traffic the workload needs.',
    references: [REF.policies, REF.nsa],
    peers: {
      kubescape: ['C-0260'],
      kubeScore: ['pod-networkpolicy'],
      trivy: [],
      polaris: [],
      checkov: [],
    },
    schema: {
      type: 'object',
      properties: { requireBothDirections: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { requireBothDirections: false },
  },
  check(ctx) {
    const pod = podSpecOf(ctx.object);
    if (
      pod === undefined ||
      ctx.object.kind === 'PodTemplate' ||
      hasController(ctx.object.metadata)
    )
      return;
    const namespace = effectiveNamespace(ctx.object) ?? 'default';
    const labels = normaliseLabels(pod.metadata.labels);
    const selecting = modelOf(ctx.inventory).policies.filter(
      (p) => p.namespace === namespace && p.podSelector.matches(labels),
    );
    const ingress = selecting.some((p) => p.ingress !== undefined);
    const egress = selecting.some((p) => p.egress !== undefined);
    const data = { kind: ctx.object.kind, name: ctx.scanObject.ref.name };
    const path = [...pod.metadataPath, 'labels'];
    if (!ingress && !egress) ctx.report({ path, messageId: 'none', data });
    else if (ctx.options.requireBothDirections === true && !ingress)
      ctx.report({ path, messageId: 'ingress', data });
    else if (ctx.options.requireBothDirections === true && !egress)
      ctx.report({ path, messageId: 'egress', data });
  },
});

/** Pods a controller owns are fixed through the controller's template, which is reported instead. */
function hasController(metadata: unknown): boolean {
  const owners = isRecord(metadata) ? metadata.ownerReferences : undefined;
  return Array.isArray(owners) && owners.some((o: unknown) => isRecord(o) && o.controller === true);
}
