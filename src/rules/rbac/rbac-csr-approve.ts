import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-csr-approve',
  capability: CAPABILITIES.csrApprove,
  severities: { cluster: 'critical', namespace: 'high' },
  title: 'Roles do not let subjects approve certificate signing requests',
  description:
    'Updating `certificatesigningrequests/approval` (with `approve` on a signer) approves client certificates; for the `kubernetes.io/kube-apiserver-client` signer that means a certificate for any user and group, including `system:masters`.',
  remediation:
    'Leave CSR approval to the controller manager and to tightly scoped signers (`resourceNames` on `signers`).',
  peers: { checkov: ['CKV_K8S_156'] },
});
