import { podFlagRule } from './internal/pod-flag-rule.ts';
import { REF } from './internal/refs.ts';

export default podFlagRule({
  id: 'pod-share-process-namespace',
  field: 'shareProcessNamespace',
  title: 'Containers of a pod do not share one process namespace',
  description:
    'With `shareProcessNamespace: true` every container of the pod sees the processes of the others, their environment and, through /proc/<pid>/root, their filesystems: a compromise of one container (a sidecar, a debug tool) reaches the secrets of all.',
  severity: 'low',
  message:
    "Pod shares one process namespace between its containers (shareProcessNamespace: true): each container can see the others' processes, environment and files.",
  remediation:
    'Remove `shareProcessNamespace: true` unless a container must signal or inspect another (and then keep that pod minimal).',
  references: [REF.shareProcess, REF.appChecklist],
  peers: { trivy: [], kubescape: [], polaris: [], kubeScore: [], checkov: [] },
});
