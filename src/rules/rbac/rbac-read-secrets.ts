import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-read-secrets',
  capability: CAPABILITIES.readSecrets,
  severities: { cluster: 'critical', privileged: 'high', namespace: 'medium' },
  title: 'Roles do not let subjects read Secrets',
  description:
    '`get`, `list` or `watch` on Secrets returns their contents, including service-account tokens, registry credentials and TLS keys; `list` and `watch` return every Secret at once. Cluster-wide it reaches the tokens of control-plane and operator accounts.',
  remediation:
    'Read Secrets through a mounted volume or restrict the rule with `resourceNames` to the Secrets the subject owns.',
  peers: { kubescape: ['C-0015', 'C-0186'], trivy: ['KSV041', 'KSV113'] },
});
