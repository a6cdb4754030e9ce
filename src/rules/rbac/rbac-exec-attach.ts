import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-exec-attach',
  capability: CAPABILITIES.execAttach,
  severities: { cluster: 'critical', privileged: 'high', namespace: 'medium' },
  title: 'Roles do not let subjects exec into, attach to or port-forward to pods',
  description:
    '`pods/exec`, `pods/attach` and `pods/portforward` run commands or open connections inside running containers, with their service-account tokens and Secrets. The API server authorizes a WebSocket upgrade as `get`, so before Kubernetes 1.35 (or with the AuthorizePodWebsocketUpgradeCreatePermission feature gate off) `get` alone is enough.',
  remediation:
    'Use ephemeral debugging workflows with audit, and grant these subresources only in the namespaces a team owns.',
  peers: { kubescape: ['C-0002', 'C-0063'], trivy: ['KSV053', 'KSV054'] },
  qualify: (matched) =>
    matched.every((p) => p.verb === 'get')
      ? ' (with get only, which is enough over WebSocket before Kubernetes 1.35)'
      : '',
});
