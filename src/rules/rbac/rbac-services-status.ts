import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-services-status',
  capability: CAPABILITIES.servicesStatus,
  severities: { cluster: 'high', privileged: 'high', namespace: 'medium' },
  title: 'Roles do not let subjects set Service status',
  description:
    'Patching `services/status` sets `status.loadBalancer.ingress`, and kube-proxy then captures traffic to that IP on every node: CVE-2020-8554, a man-in-the-middle on any address.',
  remediation: 'Leave `services/status` to the cloud or load-balancer controller.',
  references: ['https://github.com/kubernetes/kubernetes/issues/97076'],
});
