import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-bind',
  capability: CAPABILITIES.bind,
  severities: { cluster: 'critical', privileged: 'high', namespace: 'medium' },
  title: 'Roles do not grant bind',
  description:
    'The `bind` verb on Roles or ClusterRoles lets a subject create bindings to roles with permissions it does not hold, including `cluster-admin`, as soon as it may create a binding.',
  remediation:
    'Remove `bind`, or restrict it with `resourceNames` to the roles the subject may hand out.',
  peers: { kubescape: ['C-0191'], trivy: ['KSV050', 'KSV051'], checkov: ['CKV_K8S_157'] },
});
