import { resourceRule } from './internal/resource-rule.ts';

export default resourceRule({
  id: 'container-cpu-requests',
  bound: 'requests',
  resource: 'cpu',
  title: 'Containers request CPU',
  description:
    'The scheduler places pods by their requests, and under contention the kernel shares CPU in proportion to them. A container without a CPU request (and without a limit it would default from, pod-level resources or a LimitRange default) is placed as if it needed nothing and gets the smallest share when the node is busy.',
  severity: 'low',
  message:
    'Container "{{name}}" sets no CPU request: it is scheduled as if it needed no CPU and gets the smallest share under contention.',
  remediation:
    "Set `resources.requests.cpu` to the container's typical usage (or give the namespace a LimitRange with `defaultRequest.cpu`).",
  peers: {
    trivy: ['KSV015'],
    kubescape: ['C-0050', 'C-0268'],
    polaris: ['cpuRequestsMissing'],
    kubeScore: ['container-resources'],
    checkov: ['CKV_K8S_10'],
  },
});
