import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-wildcard-verbs',
  capability: CAPABILITIES.wildcardVerbs,
  severities: { cluster: 'high', privileged: 'high', namespace: 'medium' },
  title: 'Roles do not grant every verb on sensitive resources',
  description:
    '`verbs: ["*"]` on Secrets, pods, nodes, RBAC objects, webhooks and similar resources includes every verb Kubernetes adds later and the special ones (`escalate`, `bind`, `impersonate`, `approve`), so the grant is wider than anyone reviewed.',
  remediation: 'List the verbs the subject needs (`get`, `list`, `watch`, …) instead of `*`.',
  peers: { kubescape: ['C-0187'], trivy: ['KSV045'], checkov: ['CKV_K8S_49'] },
});
