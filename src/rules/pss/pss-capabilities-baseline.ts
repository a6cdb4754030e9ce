import { definePssRule } from './internal/define-pss-rule.ts';
import { removeValue } from './internal/fix-ops.ts';

export default definePssRule({
  id: 'pss-capabilities-baseline',
  checkId: 'capabilities_baseline',
  title: 'Containers add no capabilities beyond the runtime defaults',
  description:
    'Pod Security baseline check `capabilities_baseline`: `capabilities.add` may only re-add capabilities of the container runtime default set; others such as SYS_ADMIN, NET_ADMIN or NET_RAW widen the kernel attack surface. In restricted namespaces `capabilities_restricted` (pss-capabilities-restricted) replaces this check from v1.22.',
  severity: 'high',
  remediation: 'Remove the listed capabilities from `securityContext.capabilities.add`.',
  peers: {
    trivy: ['KSV022'],
    kubescape: ['C-0046'],
    polaris: ['dangerousCapabilities', 'insecureCapabilities'],
    checkov: ['CKV_K8S_25', 'CKV_K8S_28', 'CKV_K8S_39'],
  },
  suggest: ({ path }) => [removeValue(path)],
});
