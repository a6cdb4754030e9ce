import { resourceRule } from './internal/resource-rule.ts';

export default resourceRule({
  id: 'container-memory-limits',
  bound: 'limits',
  resource: 'memory',
  title: 'Containers limit memory',
  description:
    "Memory is not compressible: a container without a memory limit that leaks, or that an attacker drives into allocating, consumes the node's memory until the kernel's OOM killer picks victims among other pods and node daemons. A limit confines the damage to the container itself. Pod-level resources and LimitRange defaults in the scanned input count.",
  severity: 'medium',
  message:
    'Container "{{name}}" sets no memory limit: a leak or an attacker can exhaust the node\'s memory.',
  remediation:
    'Set `resources.limits.memory` (commonly equal to the request), or give the namespace a LimitRange with `default.memory`.',
  peers: {
    trivy: ['KSV018'],
    kubescape: ['C-0004', 'C-0009', 'C-0271'],
    polaris: ['memoryLimitsMissing'],
    kubeScore: ['container-resources'],
    checkov: ['CKV_K8S_13'],
  },
});
