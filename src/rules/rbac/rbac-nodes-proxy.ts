import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-nodes-proxy',
  capability: CAPABILITIES.nodesProxy,
  severities: { cluster: 'critical', namespace: 'high' },
  title: 'Roles do not grant nodes/proxy',
  description:
    '`nodes/proxy` reaches every kubelet API through the API server. The kubelet maps HTTP methods to verbs, so `get` alone allows exec into any pod of any node over WebSocket, bypassing pod-level RBAC and audit of the exec.',
  remediation:
    'Read metrics through `nodes/metrics` and `nodes/stats` (or the metrics API) instead of `nodes/proxy`.',
  peers: { trivy: ['KSV047'] },
});
