import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-cluster-admin-equivalent',
  capability: CAPABILITIES.clusterAdmin,
  severities: { cluster: 'critical', privileged: 'critical', namespace: 'high' },
  title: 'Roles do not grant every verb on every resource',
  description:
    'A rule with `*` verbs, `*` API groups and `*` resources makes its holder cluster-admin wherever it is bound: read every Secret, run any pod, grant itself anything. Bindings to the default `cluster-admin` ClusterRole are reported too.',
  remediation:
    'Bind a role that lists only the verbs and resources the subject needs; keep cluster-admin for break-glass accounts.',
  peers: {
    kubescape: ['C-0035', 'C-0187'],
    trivy: ['KSV044', 'KSV046', 'KSV111', 'KSV112'],
    checkov: ['CKV_K8S_49'],
  },
  skipClusterAdmin: false,
});
