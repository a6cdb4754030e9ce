import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-status-tampering',
  capability: CAPABILITIES.statusTampering,
  severities: { cluster: 'medium', privileged: 'medium', namespace: 'low' },
  title: 'Roles do not let subjects rewrite node or pod status',
  description:
    'Writing `nodes/status` or `pods/status` lets a subject fake readiness, addresses or conditions, steering traffic and scheduling (a pod IP in status feeds EndpointSlices).',
  remediation: 'Leave status subresources to the kubelet and controllers.',
});
