import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-namespace-relabel',
  capability: CAPABILITIES.namespaceRelabel,
  severities: { cluster: 'high', privileged: 'high', namespace: 'medium' },
  title: 'Roles do not let subjects relabel namespaces',
  description:
    'Updating a Namespace changes its `pod-security.kubernetes.io/*` labels, which switches off Pod Security admission there. A RoleBinding is enough for its own namespace: requests on a Namespace object carry that namespace.',
  remediation:
    'Manage namespaces and their labels centrally; do not grant `update` or `patch` on `namespaces`.',
});
