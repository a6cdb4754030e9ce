import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-escalate',
  capability: CAPABILITIES.escalate,
  severities: { cluster: 'critical', privileged: 'high', namespace: 'medium' },
  title: 'Roles do not grant escalate',
  description:
    "The `escalate` verb on Roles or ClusterRoles lifts the API server's check that a subject can only write roles with permissions it already holds; with update rights on a role bound to itself, the holder grants itself anything.",
  remediation: 'Remove `escalate`; let role authors hold the permissions they grant.',
  peers: { kubescape: ['C-0191'], trivy: ['KSV050'], checkov: ['CKV_K8S_158'] },
});
