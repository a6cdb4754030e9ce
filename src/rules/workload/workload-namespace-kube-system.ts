import { defineRule } from '../../engine/rule.ts';
import { labelsOf } from '../../model/kube-object.ts';
import { podOf } from './internal/pod.ts';
import { REF } from './internal/refs.ts';
import type { Rec } from './internal/values.ts';
import { asRecord, stringsOf } from './internal/values.ts';

const DEFAULT_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease'];
const SYSTEM_PRIORITIES = new Set(['system-cluster-critical', 'system-node-critical']);

export default defineRule({
  id: 'workload-namespace-kube-system',
  meta: {
    title: 'Application workloads stay out of system namespaces',
    description:
      "`kube-system` holds the cluster's own components, their powerful service accounts and secrets, and is usually exempt from Pod Security and admission policies: an application placed there escapes those controls and sits next to credentials that run the cluster. Pods marked as cluster components (priority class `system-cluster-critical` or `system-node-critical`, or the kubeadm label `tier: control-plane`) are not reported.",
    severity: 'low',
    category: 'access',
    workloadsOnly: true,
    messages: {
      system:
        '{{kind}} "{{objectName}}" runs in the system namespace {{namespace}}, next to the cluster\'s own credentials and usually outside its admission policies.',
    },
    remediation:
      'Move the workload to a namespace of its own; keep system namespaces for cluster components (and mark those with a system priority class).',
    references: [REF.namespaces, REF.pss],
    peers: {
      trivy: ['KSV037'],
      kubescape: [],
      polaris: [],
      kubeScore: [],
      checkov: [],
    },
    schema: {
      type: 'object',
      properties: { namespaces: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    },
    defaultOptions: { namespaces: DEFAULT_NAMESPACES },
  },
  check(ctx) {
    const namespace = ctx.object.metadata?.namespace;
    if (typeof namespace !== 'string' || !stringsOf(ctx.options.namespaces).includes(namespace))
      return;
    const pod = podOf(ctx.object);
    if (pod === undefined) return;
    const priority = (pod.spec as unknown as Rec).priorityClassName;
    if (typeof priority === 'string' && SYSTEM_PRIORITIES.has(priority)) return;
    const labels = asRecord(pod.metadata.labels) ?? labelsOf(ctx.object);
    if (labels.tier === 'control-plane') return;
    ctx.report({
      path: ['metadata', 'namespace'],
      messageId: 'system',
      data: { kind: ctx.object.kind, objectName: ctx.scanObject.ref.name, namespace },
    });
  },
});
