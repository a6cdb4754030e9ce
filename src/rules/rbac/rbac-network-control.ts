import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-network-control',
  capability: CAPABILITIES.networkControl,
  severities: { cluster: 'medium', privileged: 'medium', namespace: 'low' },
  title: 'Roles do not let subjects change network policies',
  description:
    'Writing NetworkPolicies (or AdminNetworkPolicies, Calico, Cilium or Istio authorization policies) removes the isolation they provide.',
  remediation:
    'Manage network policy through the deployment pipeline; give workloads read access at most.',
  peers: { trivy: ['KSV056'] },
});
