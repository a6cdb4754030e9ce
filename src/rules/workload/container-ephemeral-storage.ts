import { resourceRule } from './internal/resource-rule.ts';

export default resourceRule({
  id: 'container-ephemeral-storage',
  bound: 'limits',
  resource: 'ephemeral-storage',
  title: 'Containers limit ephemeral storage',
  description:
    "A container's writable layer, logs and emptyDir volumes live on the node's disk. Without an `ephemeral-storage` limit one container can fill that disk, which makes the kubelet evict other pods and can stop the node. With a limit, the kubelet evicts only the offending pod.",
  severity: 'low',
  message:
    'Container "{{name}}" sets no ephemeral-storage limit: its logs and writable layer can fill the node\'s disk.',
  remediation:
    'Set `resources.limits.ephemeral-storage` (and a request), or give the namespace a LimitRange with `default.ephemeral-storage`.',
  peers: {
    trivy: [],
    kubescape: [],
    polaris: [],
    kubeScore: ['container-ephemeral-storage-request-and-limit'],
    checkov: [],
  },
});
