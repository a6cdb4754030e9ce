import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-create-tokens',
  capability: CAPABILITIES.createTokens,
  severities: { cluster: 'critical', privileged: 'critical', namespace: 'medium' },
  title: 'Roles do not let subjects mint service-account tokens',
  description:
    '`create` on `serviceaccounts/token` issues a token for any service account in scope; `create` on Secrets can create a `kubernetes.io/service-account-token` Secret that the token controller fills in. Either lets the holder act as the most privileged service account it can reach.',
  remediation:
    'Let workloads receive tokens through projected volumes; grant `serviceaccounts/token` only with `resourceNames` for the accounts a controller manages.',
  peers: { kubescape: ['C-0186'], trivy: ['KSV041'] },
});
