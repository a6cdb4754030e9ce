import { defineRule } from '../../engine/rule.ts';
import { REF } from './internal/refs.ts';
import { asArray, asRecord } from './internal/values.ts';

/** Annotations the kubelet sets on static pods and their API mirrors. */
const STATIC_POD_ANNOTATIONS = [
  'kubernetes.io/config.mirror',
  'kubernetes.io/config.hash',
  'kubernetes.io/config.source',
];

export default defineRule({
  id: 'pod-bare',
  meta: {
    title: 'Pods are managed by a controller',
    description:
      'A Pod created directly, without a Deployment, StatefulSet, DaemonSet or Job owning it, is not rescheduled when its node fails or is drained, and is not replaced when it is evicted: it is simply gone. Pods with an `ownerReferences` entry (as in a live cluster) and static pods (kubelet `kubernetes.io/config.*` annotations, or the kubeadm label `tier: control-plane`) are not reported: the kubelet restarts those itself.',
    severity: 'low',
    category: 'reliability',
    kinds: ['Pod'],
    messages: {
      bare: 'Pod "{{objectName}}" has no controller: nothing recreates it when its node fails or it is evicted.',
    },
    remediation:
      'Run the pod through a Deployment (or a StatefulSet, DaemonSet or Job) instead of creating it directly.',
    references: [REF.configOverview, REF.disruptions],
    peers: {
      trivy: [],
      kubescape: ['C-0073'],
      polaris: [],
      kubeScore: [],
      checkov: [],
    },
  },
  check(ctx) {
    const metadata = asRecord(ctx.object.metadata);
    if (asArray(metadata?.ownerReferences).length > 0) return;
    const annotations = asRecord(metadata?.annotations);
    if (STATIC_POD_ANNOTATIONS.some((key) => annotations?.[key] !== undefined)) return;
    // kubeadm's static control-plane pods: the kubelet itself keeps them running.
    if (asRecord(metadata?.labels)?.tier === 'control-plane') return;
    ctx.report({
      path: ['kind'],
      messageId: 'bare',
      data: { objectName: ctx.scanObject.ref.name },
    });
  },
});
