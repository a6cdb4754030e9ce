import { resourceRule } from './internal/resource-rule.ts';

export default resourceRule({
  id: 'container-memory-requests',
  bound: 'requests',
  resource: 'memory',
  title: 'Containers request memory',
  description:
    'The scheduler places pods by their memory requests, and under memory pressure the kubelet evicts first the pods that use more than they requested. A container without a memory request (and without a limit it would default from, pod-level resources or a LimitRange default) overcommits the node and is among the first evicted.',
  severity: 'low',
  message:
    'Container "{{name}}" sets no memory request: it is scheduled as if it needed no memory and is among the first evicted under pressure.',
  remediation:
    "Set `resources.requests.memory` to the container's working set (or give the namespace a LimitRange with `defaultRequest.memory`).",
  peers: {
    trivy: ['KSV016'],
    kubescape: ['C-0004', 'C-0269'],
    polaris: ['memoryRequestsMissing'],
    kubeScore: ['container-resources'],
    checkov: ['CKV_K8S_12'],
  },
});
