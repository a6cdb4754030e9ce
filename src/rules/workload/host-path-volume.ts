import { defineRule } from '../../engine/rule.ts';
import { podOf } from './internal/pod.ts';
import { hostPathVolumes, isWithin, normalizeHostPath } from './internal/host-paths.ts';
import { REF } from './internal/refs.ts';
import { stringsOf } from './internal/values.ts';

export default defineRule({
  id: 'host-path-volume',
  meta: {
    title: 'Pods do not mount host paths',
    description:
      'A hostPath volume gives the pod a directory or file of the node: data of other pods, node configuration, or simply state that ties the pod to one node and survives it. Any hostPath is reported at low severity; `host-path-sensitive` reports the paths that amount to a node takeover, and `host-path-writable` the ones mounted read-write.',
    severity: 'low',
    category: 'workload',
    workloadsOnly: true,
    messages: {
      hostPath:
        'Pod mounts the host path {{path}} (volume "{{volume}}"): it reads node files and is tied to the node.',
    },
    remediation:
      'Use an emptyDir, a ConfigMap/Secret, a PersistentVolumeClaim or a CSI driver instead; list paths a node agent legitimately needs in `allowedPaths`.',
    references: [REF.hostPath, REF.pss, REF.cis, REF.nsa],
    peers: {
      trivy: ['KSV023'],
      kubescape: ['C-0048', 'C-0203'],
      polaris: ['hostPathSet'],
      kubeScore: [],
      checkov: [],
    },
    schema: {
      type: 'object',
      properties: { allowedPaths: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    },
    defaultOptions: { allowedPaths: [] },
  },
  check(ctx) {
    const pod = podOf(ctx.object);
    if (pod === undefined) return;
    const allowed = stringsOf(ctx.options.allowedPaths).map(normalizeHostPath);
    for (const volume of hostPathVolumes(pod)) {
      if (allowed.some((base) => isWithin(volume.path, base))) continue;
      ctx.report({
        path: volume.fieldPath,
        messageId: 'hostPath',
        data: { path: volume.raw, volume: volume.name ?? '' },
      });
    }
  },
});
