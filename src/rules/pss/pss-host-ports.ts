import { definePssRule } from './internal/define-pss-rule.ts';
import { exists, removeValue } from './internal/fix-ops.ts';

export default definePssRule({
  id: 'pss-host-ports',
  checkId: 'hostPorts',
  title: 'Containers bind no host ports',
  description:
    'Pod Security baseline check `hostPorts`: a hostPort binds the port on the node’s own addresses, bypassing Services and NetworkPolicy-protected pod IPs. With `hostNetwork: true` the API server defaults every hostPort to its containerPort, so those ports count too.',
  severity: 'medium',
  remediation: 'Remove `hostPort` and expose the container through a Service instead.',
  peers: {
    trivy: ['KSV024'],
    kubescape: ['C-0044'],
    polaris: ['hostPortSet'],
    checkov: ['CKV_K8S_26'],
  },
  // A hostPort defaulted from hostNetwork has nothing to remove.
  suggest: ({ object, path }) => (exists(object, path) ? [removeValue(path)] : undefined),
});
